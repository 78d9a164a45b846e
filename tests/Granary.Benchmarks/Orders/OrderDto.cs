using Granary.Serialization;

namespace Granary.Benchmarks.Orders;

/// <summary>An order as a grain call or an event would carry it. Mutable through its list of lines, so local calls copy it.</summary>
[GenerateSerializer]
public sealed record OrderDto(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] string UserId,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] OrderStatus Status,
    [property: Id(4)] decimal Total,
    [property: Id(5)] List<OrderLine> Lines);

[GenerateSerializer]
public sealed record OrderLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal UnitPrice);

[GenerateSerializer]
public enum OrderStatus
{
    Placed,
    Paid,
    Shipped,
    Cancelled,
}
