using Microsoft.Extensions.Configuration;

namespace Shop.Silo;

/// <summary>Where the shop's domain events flow. Bound from <c>Shop:Streams</c>.</summary>
public sealed class ShopStreamsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Streams";

    /// <summary>
    /// <c>Memory</c> (default): Orleans' memory streams, whose queues are grains, so events cross the silos of one
    /// cluster but do not outlive it. <c>Kafka</c>: our Kafka provider on the topics <c>orders</c>, <c>inventory</c>
    /// and <c>wallets</c>, with its settings (brokers first) under <c>Orleans:Streams:shop-events</c>.
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
