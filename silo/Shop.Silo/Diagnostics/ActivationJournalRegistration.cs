using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Shop.Silo.Diagnostics;

/// <summary>Switches the <see cref="ActivationJournal"/> on when <c>Shop:Diagnostics:ActivationJournal</c> names a directory.</summary>
internal static class ActivationJournalRegistration
{
    public const string Setting = "Shop:Diagnostics:ActivationJournal";

    public static ISiloBuilder UseConfiguredActivationJournal(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (configuration[Setting] is not { Length: > 0 } directory) return silo;
        var journal = Path.GetFullPath(directory);
        silo.Services.AddSingleton(_ => new ActivationJournal(journal));
        silo.Services.AddSingleton<IConfigureGrainContextProvider>(services => services.GetRequiredService<ActivationJournal>());
        return silo;
    }
}
