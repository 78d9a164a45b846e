using Granary.AdoNet.Database;
using Granary.AdoNet.Membership;
using Granary.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>PostgreSQL gateway discovery for an external client, as Orleans' client-side <c>UseAdoNetClustering</c>.</summary>
public static class AdoNetClientClusteringExtensions
{
    /// <summary>
    /// Finds gateways among the active silos in the PostgreSQL membership table. Options are bound from
    /// <c>Granary:Clustering:AdoNet</c> (<c>ConnectionString</c> required), then <paramref name="configure"/> runs;
    /// rows are read for <c>Granary:ClusterId</c>. The client only reads: silos apply the schema migrations.
    /// </summary>
    public static IClientBuilder UseAdoNetClustering(this IClientBuilder builder, Action<AdoNetClusteringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<AdoNetClusteringOptions>().BindConfiguration(AdoNetClusteringOptions.SectionName).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdoNetClusteringOptions>, AdoNetClusteringOptionsValidator>());
        services.TryAddSingleton<NpgsqlDataSources>();
        var clusterId = builder.Configuration["Granary:ClusterId"] ?? new ClusterOptions().ClusterId;
        return builder.UseMembershipTableGateways(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AdoNetClusteringOptions>>().Value;
            var database = new AdoNetDatabase("PostgreSQL membership table", o.ConnectionString!, sp.GetRequiredService<NpgsqlDataSources>().Get(o.ConnectionString!),
                o.Resilience, sp.GetService<IAdoNetFaults>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<AdoNetDatabase>());
            return new AdoNetMembershipTable(clusterId, database);
        });
    }
}
