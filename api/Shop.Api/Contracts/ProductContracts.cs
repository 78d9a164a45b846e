using Shop.Api.Problems;
using Shop.Catalog;
using Shop.Inventory;

namespace Shop.Api.Contracts;

/// <summary>PUT /api/v1/products/{sku}.</summary>
public sealed record PutProductRequest(string? Name, decimal? Price)
{
    internal RequestErrors Validate() => new RequestErrors().Text("name", Name, RequestLimits.MaxNameLength).PositiveMoney("price", Price);
}

/// <summary>A product with the units available to order.</summary>
public sealed record ProductResponse(string Sku, string Name, decimal Price, int Available)
{
    internal static ProductResponse From(ProductDetails product, StockLevel stock) => new(product.Sku, product.Name, product.Price, stock.Available);
}

/// <summary>POST /api/v1/products/{sku}/stock.</summary>
public sealed record AddStockRequest(int? Quantity)
{
    internal RequestErrors Validate() => new RequestErrors().PositiveInteger("quantity", Quantity, RequestLimits.MaxStockQuantity);
}

/// <summary>A SKU's stock.</summary>
public sealed record StockResponse(string Sku, int Available, int Reserved, int Sold)
{
    internal static StockResponse From(string sku, StockLevel stock) => new(sku, stock.Available, stock.Reserved, stock.Sold);
}
