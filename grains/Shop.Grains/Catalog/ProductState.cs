using Orleans;

namespace Shop.Catalog;

/// <summary>A product's name and price; absent until the first upsert.</summary>
[GenerateSerializer]
[Alias("shop.catalog.ProductState")]
internal sealed class ProductState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public decimal Price { get; set; }
}
