namespace Granary.Benchmarks.Orders;

internal static class SampleOrder
{
    /// <summary>An order of ten lines with realistic field sizes; the same value every run, so sizes are comparable.</summary>
    public static OrderDto Create()
    {
        var lines = Enumerable.Range(1, 10)
            .Select(i => new OrderLine($"SKU-{100_000 + i * 37:D6}", i % 4 + 1, 4.99m + i * 2.5m))
            .ToList();
        return new OrderDto(
            new Guid("6f1c2a4e-8d3b-4c7a-9e51-2b8f0d6a3c17"),
            "user-20481",
            new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(1)),
            OrderStatus.Paid,
            lines.Sum(l => l.Quantity * l.UnitPrice),
            lines);
    }

    /// <summary>Field-by-field equality (records compare lists by reference).</summary>
    public static bool AreEquivalent(OrderDto? a, OrderDto? b) =>
        a is not null && b is not null
        && a.OrderId == b.OrderId && a.UserId == b.UserId && a.Created == b.Created && a.Created.Offset == b.Created.Offset
        && a.Status == b.Status && a.Total == b.Total && a.Lines.SequenceEqual(b.Lines);
}
