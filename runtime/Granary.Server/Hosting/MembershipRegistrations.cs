using Granary.Configuration;
using Granary.Lifecycle;
using Granary.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Granary.Hosting;

/// <summary>Registers the membership protocol; <see cref="ClusteringSiloBuilderExtensions.UseMembershipTable"/> picks the table.</summary>
internal static class MembershipRegistrations
{
    /// <summary>
    /// Uses <paramref name="table"/> as the membership table. Several in-process silos given the same instance
    /// form one cluster (Granary.Testing's multi-silo clusters).
    /// </summary>
    public static ISiloBuilder UseInMemoryClustering(this ISiloBuilder builder, InMemoryMembershipTable table) =>
        builder.UseMembershipTable(_ => table);

    /// <summary>
    /// The protocol: options, view, service and its lifecycle participants. It uses the transport's prober, gossip
    /// and local silo details, which every silo registers (ClusterServiceRegistrations).
    /// </summary>
    public static IServiceCollection AddClusterMembership(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(MembershipService))) return services;
        services.AddOptions<ClusterMembershipOptions>().BindConfiguration(ClusterMembershipOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterMembershipView>();
        services.AddSingleton<IClusterMembershipView>(sp => sp.GetRequiredService<ClusterMembershipView>());
        services.AddSingleton<MembershipService>();
        services.AddSingleton<IMembershipService>(sp => sp.GetRequiredService<MembershipService>());
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<MembershipService>());
        services.AddSingleton<ISiloLifecycleParticipant, SiloActivation>();
        services.AddSingleton<ISiloLifecycleParticipant, SiloShutdownAnnouncer>();
        return services;
    }
}
