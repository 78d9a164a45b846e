using Orleans;
using Orleans.Runtime;
using Shop.Infrastructure;

namespace Shop.Catalog;

/// <summary>A product of the catalog, keyed by SKU.</summary>
[GrainType("product")]
internal sealed class ProductGrain(
    [PersistentState("product", ShopStorage.Name)] IPersistentState<ProductState> product) : Grain, IProductGrain
{
    private string Sku => this.GetPrimaryKeyString();

    public async Task<UpsertProductResult> Upsert(ProductDefinition definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        ArgumentOutOfRangeException.ThrowIfNegative(definition.Price);
        var created = !product.RecordExists;
        product.State.Name = definition.Name;
        product.State.Price = definition.Price;
        await this.PersistAsync(product);
        return new UpsertProductResult(Details(), created);
    }

    public Task<ProductDetails?> Get() => Task.FromResult(product.RecordExists ? Details() : null);

    private ProductDetails Details() => new(Sku, product.State.Name, product.State.Price);
}
