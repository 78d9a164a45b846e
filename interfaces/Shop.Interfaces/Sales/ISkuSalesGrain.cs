using Orleans;

namespace Shop.Sales;

/// <summary>
/// The sales of one SKU, keyed by the SKU: a projection of the SKU's stock events (units sold by confirmed
/// orders, units returned by cancellations), kept up to date by an implicit subscription to its inventory stream.
/// </summary>
[Alias("shop.ISkuSalesGrain")]
public interface ISkuSalesGrain : IGrainWithStringKey
{
    /// <summary>The sales projected so far.</summary>
    Task<SkuSales> GetSales();
}

/// <summary>A SKU's sales: <paramref name="UnitsSold"/> counts sold units net of returns.</summary>
[GenerateSerializer]
[Alias("shop.sales.SkuSales")]
public sealed record SkuSales(
    [Id(0)] string Sku,
    [Id(1)] int UnitsSold,
    [Id(2)] int UnitsReturned,
    [Id(3)] int Orders,
    [Id(4)] DateTimeOffset? LastSaleAt);
