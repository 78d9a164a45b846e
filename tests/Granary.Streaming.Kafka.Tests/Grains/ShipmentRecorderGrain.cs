using System.Globalization;
using Granary.Conformance.Streams;
using Granary.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Kafka.Tests.Grains;

public interface IShipmentRecorderGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>Subscribes implicitly to the external shipments topic's stream of its key and records "sku:quantity".</summary>
[ImplicitStreamSubscription(KafkaTestNamespaces.Shipments)]
public sealed class ShipmentRecorderGrain : Grain, IShipmentRecorderGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var probe = ServiceProvider.GetRequiredService<StreamProbe>();
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(KafkaTestNamespaces.Provider).GetStream<Shipment>(KafkaTestNamespaces.Shipments, key);
        return stream.SubscribeAsync((shipment, _) =>
        {
            probe.Record(key, string.Create(CultureInfo.InvariantCulture, $"{shipment.Sku}:{shipment.Quantity}"));
            return Task.CompletedTask;
        }, cancellationToken: cancellationToken);
    }

    public Task Ping() => Task.CompletedTask;
}
