using Granary.Hosting;
using Microsoft.Extensions.Configuration;

namespace Shop.Silo;

/// <summary>
/// Chooses the silo's clustering provider from configuration, so one build runs alone (Localhost, the default) or
/// in a PostgreSQL-backed cluster (AdoNet) with nothing but settings or environment variables.
/// </summary>
public static class ShopClustering
{
    /// <summary><c>Localhost</c> (default: an in-memory table, one silo) or <c>AdoNet</c> (PostgreSQL membership).</summary>
    public const string ProviderSetting = "Granary:Clustering:Provider";

    /// <summary>A short form of <c>Granary:Clustering:AdoNet:ConnectionString</c>; either one works.</summary>
    public const string ConnectionStringSetting = "Granary:Clustering:ConnectionString";

    /// <summary>The setting the AdoNet provider binds its connection string from.</summary>
    public const string AdoNetConnectionStringSetting = "Granary:Clustering:AdoNet:ConnectionString";

    /// <summary>The clustering providers this host knows.</summary>
    public enum Provider
    {
        /// <summary>An in-memory membership table: this process is the whole cluster.</summary>
        Localhost,

        /// <summary>The PostgreSQL membership table shared by every silo of the cluster.</summary>
        AdoNet,
    }

    /// <summary>Reads <see cref="ProviderSetting"/>, failing with the setting's name when it holds something unusable.</summary>
    public static Provider ReadProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ProviderSetting];
        if (string.IsNullOrWhiteSpace(configured)) return Provider.Localhost;
        if (!Enum.TryParse<Provider>(configured, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
            throw new InvalidOperationException($"{ProviderSetting} must be 'Localhost' or 'AdoNet' (got '{configured}').");
        if (provider == Provider.AdoNet && string.IsNullOrWhiteSpace(ConnectionString(configuration)))
            throw new InvalidOperationException($"{ProviderSetting}=AdoNet needs {ConnectionStringSetting} (or {AdoNetConnectionStringSetting}): the PostgreSQL connection string of the membership table.");
        return provider;
    }

    /// <summary>The membership table's connection string: the short setting wins over the provider's own section.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringSetting] is { Length: > 0 } shortForm ? shortForm : configuration[AdoNetConnectionStringSetting];

    /// <summary>Registers the clustering provider chosen by <see cref="ProviderSetting"/>.</summary>
    public static ISiloBuilder UseConfiguredClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (ReadProvider(configuration) == Provider.Localhost) return silo.UseLocalhostClustering();
        var connectionString = ConnectionString(configuration);
        return silo.UseAdoNetClustering(options => options.ConnectionString = connectionString);
    }
}
