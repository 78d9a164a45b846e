using Orleans;

namespace Shop.Inventory;

/// <summary>Stock of one SKU. Every unit ever added is in exactly one bucket: Added = Available + Reserved + Sold.</summary>
[GenerateSerializer]
[Alias("shop.inventory.StockLevel")]
public sealed record StockLevel([Id(0)] int Available, [Id(1)] int Reserved, [Id(2)] int Sold, [Id(3)] int Added);
