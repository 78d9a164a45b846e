using Shop.Events;

namespace Shop.Silo;

/// <summary>Registers the stream provider the shop's domain events go through.</summary>
internal static class ShopStreamsRegistration
{
    public static ISiloBuilder UseConfiguredStreams(this ISiloBuilder silo, ShopStreamsOptions streams)
    {
        if (streams.Provider != "Kafka") return silo.AddMemoryStreams(ShopStreams.Provider);

        // One topic per namespace, keyed by the stream key: a user's orders and wallet, a SKU's stock. Brokers and
        // the rest come from Orleans:Streams:shop-events, bound and validated by the provider.
        return silo.AddKafkaStreams(ShopStreams.Provider, options =>
        {
            if (options.Namespaces.Count == 0) options.Namespaces = [ShopStreams.Orders, ShopStreams.Inventory, ShopStreams.Wallets];
        });
    }
}
