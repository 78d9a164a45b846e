namespace Shop.Database.Benchmarks;

/// <summary>A shop-sized grain state: a cart-like record of a few hundred bytes once serialized.</summary>
[GenerateSerializer]
public sealed class BenchState
{
    [Id(0)]
    public int Counter { get; set; }

    [Id(1)]
    public string Owner { get; set; } = "";

    [Id(2)]
    public List<string> Lines { get; set; } = [];

    public static BenchState Sample(int i) => new()
    {
        Owner = $"user-{i:D6}",
        Lines = [.. Enumerable.Range(0, 5).Select(line => $"sku-{(i * 7 + line) % 1000:D4} x{line + 1} @ {9.99m + line}")],
    };
}
