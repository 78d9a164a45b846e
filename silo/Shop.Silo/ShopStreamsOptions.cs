using Microsoft.Extensions.Configuration;

namespace Shop.Silo;

/// <summary>
/// Where the shop's domain events flow (<c>Shop:Streams</c>). The provider's own settings are bound from
/// <c>Granary:Streams:shop-events</c>, for example <c>Granary:Streams:shop-events:BootstrapServers</c> with Kafka.
/// </summary>
public sealed class ShopStreamsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Streams";

    /// <summary>
    /// <c>Memory</c> (default): in the silo's memory, one silo. <c>Kafka</c>: topics <c>orders</c>, <c>inventory</c> and
    /// <c>wallets</c> (unless <c>Granary:Streams:shop-events:Namespaces</c> says otherwise), shared by the silos of a cluster.
    /// </summary>
    public string Provider { get; set; } = "Memory";

    /// <summary>Reads the section, failing with the setting's name when it holds something unusable.</summary>
    public static ShopStreamsOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<ShopStreamsOptions>() ?? new ShopStreamsOptions();
        if (options.Provider is not ("Memory" or "Kafka"))
            throw new InvalidOperationException($"{SectionName}:Provider must be 'Memory' or 'Kafka' (got '{options.Provider}').");
        return options;
    }
}
