using Granary.AdoNet.Database;
using Granary.AdoNet.Membership;
using Granary.AdoNet.Migrations;
using Granary.Configuration;
using Granary.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Hosting;

/// <summary>PostgreSQL clustering for a silo, as Orleans' <c>UseAdoNetClustering</c>.</summary>
public static class AdoNetClusteringExtensions
{
    /// <summary>
    /// Keeps the membership table in PostgreSQL and runs the membership protocol over it. Options are bound from
    /// <c>Granary:Clustering:AdoNet</c> (at least <c>ConnectionString</c>; also <c>ApplyMigrations</c> and
    /// <c>Resilience:*</c>), then <paramref name="configure"/> runs. Rows are keyed by <c>Granary:ClusterId</c>;
    /// protocol settings stay under <c>Granary:Membership</c>.
    /// </summary>
    public static ISiloBuilder UseAdoNetClustering(this ISiloBuilder builder, Action<AdoNetClusteringOptions>? configure = null)
    {
        var services = builder.Services;
        var options = services.AddOptions<AdoNetClusteringOptions>().BindConfiguration(AdoNetClusteringOptions.SectionName).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdoNetClusteringOptions>, AdoNetClusteringOptionsValidator>());

        // The schema migrator runs at the storage stage, before membership joins; storage and reminders share it.
        services.TryAddSingleton<NpgsqlDataSources>();
        if (!services.Any(d => d.ServiceType == typeof(SchemaMigrator)))
        {
            services.AddSingleton<SchemaMigrator>();
            services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<SchemaMigrator>());
        }

        services.AddSingleton(sp => new AdoNetSchemaUser("the membership table", () =>
        {
            var o = sp.GetRequiredService<IOptions<AdoNetClusteringOptions>>().Value;
            return new AdoNetSchemaTarget(o.ConnectionString!, o.ApplyMigrations, o.Resilience);
        }));
        return builder.UseMembershipTable(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AdoNetClusteringOptions>>().Value;
            var database = new AdoNetDatabase("PostgreSQL membership table", o.ConnectionString!, sp.GetRequiredService<NpgsqlDataSources>().Get(o.ConnectionString!),
                o.Resilience, sp.GetService<IAdoNetFaults>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<AdoNetDatabase>());
            return new AdoNetMembershipTable(sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId, database);
        });
    }
}
