using Granary.Configuration;
using Granary.Lifecycle;
using Granary.Reminders;
using Granary.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Granary.Hosting;

/// <summary>Durable reminder configuration of a silo.</summary>
public static class ReminderSiloBuilderExtensions
{
    /// <summary>
    /// Uses reminders kept in process memory: for tests and development, since they are lost when the process
    /// ends. Options are bound from <c>Granary:Reminders</c> (see <see cref="ReminderOptions"/>).
    /// </summary>
    public static ISiloBuilder UseInMemoryReminderService(this ISiloBuilder builder) =>
        builder.UseReminderTable(static _ => new InMemoryReminderTable());

    /// <summary>
    /// Uses durable reminders stored in the table <paramref name="createTable"/> creates (once, as a singleton). Storage
    /// providers call this from their own <c>Use*ReminderService</c> method; the last call wins.
    /// </summary>
    public static ISiloBuilder UseReminderTable(this ISiloBuilder builder, Func<IServiceProvider, IReminderTable> createTable)
    {
        ArgumentNullException.ThrowIfNull(createTable);
        var services = builder.Services;
        services.RemoveAll<IReminderTable>();
        services.AddSingleton(createTable);
        if (services.Any(d => d.ServiceType == typeof(ReminderService))) return builder;

        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton<IReminderOwnership, OwnAllReminders>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<ReminderService>());
        return builder;
    }
}
