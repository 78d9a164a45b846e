using Orleans;
using Orleans.Concurrency;

namespace Shop.Catalog;

/// <summary>A product of the catalog, keyed by its SKU.</summary>
[Alias("shop.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Creates the product or replaces its name and price.</summary>
    Task<UpsertProductResult> Upsert(ProductDefinition definition);

    /// <summary>The product, or null when the SKU is not in the catalog.</summary>
    [ReadOnly]
    Task<ProductDetails?> Get();
}
