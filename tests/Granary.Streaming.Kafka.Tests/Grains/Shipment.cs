using Granary.Serialization;

namespace Granary.Streaming.Kafka.Tests.Grains;

/// <summary>An event a system outside Granary writes as JSON (<c>{"sku":"...","quantity":3}</c>).</summary>
[GenerateSerializer]
[Alias("kafka-tests.shipment")]
public sealed record Shipment([Id(0)] string Sku, [Id(1)] int Quantity);
