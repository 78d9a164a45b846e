using Granary.Configuration;
using Granary.GrainDirectory;
using Granary.Lifecycle;
using Granary.Membership;
using Granary.Messaging;
using Granary.Networking;
using Granary.Placement;
using Granary.SystemTargets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Granary.Hosting;

/// <summary>The silo's cluster services: transport, routing, directory, placement.</summary>
internal static class ClusterServiceRegistrations
{
    public static void AddClusterServices(this IServiceCollection services)
    {
        services.AddOptions<EndpointOptions>().BindConfiguration(EndpointOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EndpointOptions>, EndpointOptionsValidator>());
        services.AddOptions<PlacementOptions>().BindConfiguration(PlacementOptions.SectionName);
        services.AddOptions<RebalancingOptions>().BindConfiguration(RebalancingOptions.SectionName);
        services.TryAddSingleton<ActivationRebalancer>();
        services.TryAddSingleton<Catalog.MigrationTarget>();

        services.TryAddSingleton<LocalSiloDetails>();
        services.TryAddSingleton<ILocalSiloDetails>(sp => sp.GetRequiredService<LocalSiloDetails>());
        services.TryAddSingleton<IClusterMembershipView, SingleSiloMembershipView>();
        services.TryAddSingleton<DepartedSilos>();
        services.TryAddSingleton<SiloConnections>();
        services.TryAddSingleton<SiloConnectionListener>();
        services.TryAddSingleton<SystemTargetRegistry>();
        services.TryAddSingleton<DirectoryPartition>();
        services.TryAddSingleton<DistributedGrainDirectory>();
        services.TryAddSingleton<SiloLoadTable>();
        services.TryAddSingleton<PlacementService>();
        services.TryAddSingleton<MembershipTransport>();
        services.TryAddSingleton<ISiloProber>(sp => sp.GetRequiredService<MembershipTransport>());
        services.TryAddSingleton<IMembershipGossip>(sp => sp.GetRequiredService<MembershipTransport>());
        // Reminders follow the ring of active silos, so each fires on exactly one live silo and moves when it dies.
        services.TryAddSingleton<Reminders.IReminderOwnership, Reminders.RingReminderOwnership>();
        services.TryAddSingleton<SiloMessageCenter>();
        services.TryAddSingleton<IMessageCenter>(sp => sp.GetRequiredService<SiloMessageCenter>());
        services.TryAddSingleton<ISiloMessageReceiver>(sp => sp.GetRequiredService<SiloMessageCenter>());

        services.AddSingleton<ISiloLifecycleParticipant, SystemTargetStartup>();
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<SiloConnectionListener>());
        services.AddSingleton<ISiloLifecycleParticipant, ConnectionDrain>();
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<SiloLoadTable>());
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<ActivationRebalancer>());
    }
}
