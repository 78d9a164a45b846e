using Granary.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Granary.Hosting;

/// <summary>Clustering providers: where the silos of a cluster record who is alive.</summary>
public static class ClusteringSiloBuilderExtensions
{
    /// <summary>
    /// Makes the table <paramref name="createTable"/> builds the cluster's membership table, replacing an earlier
    /// choice, and runs the membership protocol over it (options under <c>Granary:Membership</c>). Clustering
    /// providers such as <c>UseAdoNetClustering</c> call this; so can a custom <see cref="IMembershipTable"/>.
    /// </summary>
    public static ISiloBuilder UseMembershipTable(this ISiloBuilder builder, Func<IServiceProvider, IMembershipTable> createTable)
    {
        ArgumentNullException.ThrowIfNull(createTable);
        builder.Services.RemoveAll<IMembershipTable>();
        builder.Services.AddSingleton(createTable);
        builder.Services.AddClusterMembership();
        return builder;
    }
}
