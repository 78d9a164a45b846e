using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Shop.Database;

namespace Shop.Silo.Cluster;

/// <summary>
/// The PostgreSQL databases this silo's configuration points at (AdoNet membership and/or AdoNet storage), and the
/// two ways to migrate them: at silo start, or once with <c>dotnet Shop.Silo.dll migrate</c> (a Kubernetes Job).
/// </summary>
public static class ShopSchema
{
    /// <summary>The command-line verb that migrates and exits.</summary>
    public const string MigrateCommand = "migrate";

    /// <summary>The distinct PostgreSQL connection strings the configuration uses; empty when it uses none.</summary>
    public static IReadOnlyList<string> ConnectionStrings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var found = new List<string>();
        if (ShopClustering.ReadMembership(configuration) == ShopClustering.Membership.AdoNet)
            found.Add(configuration[ShopClustering.ConnectionStringSetting]!);
        var storage = ShopStorageOptions.Read(configuration);
        if (storage.Provider == "AdoNet") found.Add(storage.ConnectionString!);
        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Migrates the configured databases at silo start (nothing when the configuration uses none).</summary>
    internal static ISiloBuilder MigrateSchemaAtStart(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionStrings = ConnectionStrings(configuration);
        if (connectionStrings.Count == 0) return silo;
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp =>
            new SchemaMigrationAtStart(connectionStrings, sp.GetRequiredService<ILogger<SchemaMigrationAtStart>>()));
        return silo;
    }

    /// <summary>Migrates the configured databases and returns the process exit code (0 done, 1 nothing configured or failed).</summary>
    public static async Task<int> RunMigrateCommandAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var connectionStrings = ConnectionStrings(configuration);
        if (connectionStrings.Count == 0)
        {
            await output.WriteLineAsync($"migrate: nothing to do: neither {ShopClustering.MembershipSetting} nor {ShopStorageOptions.SectionName}:Provider is AdoNet.");
            return 1;
        }

        foreach (var connectionString in connectionStrings)
        {
            var result = await SchemaMigrator.MigrateAsync(connectionString, cancellationToken);
            await output.WriteLineAsync(
                $"migrate: schema {result.Schema} at version {result.CurrentVersion} (was {result.PreviousVersion}; applied {result.Applied.Count}: {string.Join(", ", result.Applied.Select(m => $"{m.Version:D4}_{m.Name}"))})");
        }

        return 0;
    }
}
