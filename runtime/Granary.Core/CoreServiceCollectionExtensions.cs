using Granary.Configuration;
using Granary.Invocation;
using Granary.Messaging;
using Granary.Observers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Granary;

/// <summary>Registers what silos and clients share: references, callbacks, observers, options.</summary>
internal static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddGranaryCore(this IServiceCollection services)
    {
        Networking.RuntimeCodecs.EnsureRegistered();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.TryAddSingleton<CallbackTable>();
        services.TryAddSingleton<LocalObjectRegistry>();
        services.TryAddSingleton<GrainReferenceRuntime>();
        services.TryAddSingleton<GrainFactory>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.TryAddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainFactory>());
        services.TryAddSingleton<Runtime.IGrainReferenceFactory>(sp => sp.GetRequiredService<GrainFactory>());
        return services;
    }
}
