using Granary.AdoNet.Database;
using Granary.AdoNet.Migrations;
using Granary.AdoNet.Reminders;
using Granary.AdoNet.Storage;
using Granary.Configuration;
using Granary.Lifecycle;
using Granary.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Hosting;

/// <summary>PostgreSQL providers for a silo, as Orleans' ADO.NET packages provide them.</summary>
public static class AdoNetSiloBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL grain storage named <paramref name="name"/>. Options are bound from
    /// <c>Granary:Storage:&lt;name&gt;</c> (at least <c>ConnectionString</c>), then <paramref name="configure"/> runs.
    /// State is keyed by <c>Granary:ServiceId</c>, so deployments of one service share it.
    /// </summary>
    public static ISiloBuilder AddAdoNetGrainStorage(this ISiloBuilder builder, string name, Action<AdoNetGrainStorageOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var services = builder.Services;
        var options = services.AddOptions<AdoNetGrainStorageOptions>(name).BindConfiguration(AdoNetGrainStorageOptions.Section(name)).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdoNetGrainStorageOptions>, AdoNetGrainStorageOptionsValidator>());
        AddShared(services);
        services.AddSingleton(sp => new AdoNetSchemaUser($"grain storage '{name}'", () =>
        {
            var o = sp.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(name);
            return new AdoNetSchemaTarget(o.ConnectionString!, o.ApplyMigrations, o.Resilience);
        }));
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
        {
            var o = sp.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(name);
            var database = Database(sp, $"PostgreSQL grain storage '{name}'", o.ConnectionString!, o.Resilience);
            return new AdoNetGrainStorage(name, ServiceId(sp), database, o.StoreJson, sp.GetRequiredService<ILogger<AdoNetGrainStorage>>());
        });
        return builder;
    }

    /// <summary>Adds a PostgreSQL grain storage used by [PersistentState] without a storage name (configuration <c>Granary:Storage:Default</c>).</summary>
    public static ISiloBuilder AddAdoNetGrainStorageAsDefault(this ISiloBuilder builder, Action<AdoNetGrainStorageOptions>? configure = null) =>
        builder.AddAdoNetGrainStorage(GrainStorageNames.Default, configure);

    /// <summary>
    /// Keeps durable reminders in PostgreSQL. Options are bound from <c>Granary:Reminders:AdoNet</c> (at least
    /// <c>ConnectionString</c>), then <paramref name="configure"/> runs; reminder service options stay under <c>Granary:Reminders</c>.
    /// </summary>
    public static ISiloBuilder UseAdoNetReminderService(this ISiloBuilder builder, Action<AdoNetReminderTableOptions>? configure = null)
    {
        var services = builder.Services;
        var options = services.AddOptions<AdoNetReminderTableOptions>().BindConfiguration(AdoNetReminderTableOptions.SectionName).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdoNetReminderTableOptions>, AdoNetReminderTableOptionsValidator>());
        AddShared(services);
        services.AddSingleton(sp => new AdoNetSchemaUser("the reminder table", () =>
        {
            var o = sp.GetRequiredService<IOptions<AdoNetReminderTableOptions>>().Value;
            return new AdoNetSchemaTarget(o.ConnectionString!, o.ApplyMigrations, o.Resilience);
        }));
        return builder.UseReminderTable(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AdoNetReminderTableOptions>>().Value;
            return new AdoNetReminderTable(ServiceId(sp), Database(sp, "PostgreSQL reminder table", o.ConnectionString!, o.Resilience));
        });
    }

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton<NpgsqlDataSources>();
        if (services.Any(d => d.ServiceType == typeof(SchemaMigrator))) return;
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<SchemaMigrator>());
    }

    private static AdoNetDatabase Database(IServiceProvider services, string description, string connectionString, AdoNetResilienceOptions resilience) =>
        new(description, connectionString, services.GetRequiredService<NpgsqlDataSources>().Get(connectionString), resilience,
            services.GetService<IAdoNetFaults>(), services.GetRequiredService<ILoggerFactory>().CreateLogger<AdoNetDatabase>());

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
}
