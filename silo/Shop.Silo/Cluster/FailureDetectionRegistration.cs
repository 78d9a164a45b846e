using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Shop.Silo.Cluster;

/// <summary>Wires <see cref="FailureDetectionOptions"/> into Orleans' membership and adds the <see cref="RefusedSiloDetector"/>.</summary>
internal static class FailureDetectionRegistration
{
    public static ISiloBuilder AddShopFailureDetection(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddOptions<FailureDetectionOptions>().Bind(configuration.GetSection(FailureDetectionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FailureDetectionOptions>, FailureDetectionOptionsValidator>());
        services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<FailureDetectionOptions>>((membership, tuned) => tuned.Value.ApplyTo(membership));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RefusedSiloDetector>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RefusedSiloDetector>());
        return silo;
    }
}
