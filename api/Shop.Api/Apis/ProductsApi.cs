using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Contracts;
using Shop.Api.Idempotency;
using Shop.Api.Problems;
using Shop.Catalog;
using Shop.Inventory;

namespace Shop.Api.Apis;

/// <summary>The catalog and its stock.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/products").WithTags("Products");
        products.MapPut("/{sku}", PutProduct).WithName("PutProduct").WithSummary("Creates a product or replaces its name and price.");
        products.MapGet("/{sku}", GetProduct).WithName("GetProduct");
        products.MapPost("/{sku}/stock", AddStock).WithName("AddStock").WithSummary("Adds units; the Idempotency-Key makes a retried addition count once.");
        return routes;
    }

    public static async Task<Results<Created<ProductResponse>, Ok<ProductResponse>, ValidationProblem>> PutProduct(
        string sku, PutProductRequest request, IClusterClient cluster)
    {
        var errors = request.Validate().Sku("sku", sku);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var upsert = cluster.GetGrain<IProductGrain>(sku).Upsert(new ProductDefinition(request.Name!.Trim(), request.Price!.Value));
        var stock = cluster.GetGrain<IInventoryGrain>(sku).GetLevel();
        var (result, level) = (await upsert, await stock);
        var response = ProductResponse.From(result.Product, level);
        return result.Created ? TypedResults.Created($"/api/v1/products/{sku}", response) : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> GetProduct(string sku, IClusterClient cluster)
    {
        var errors = new RequestErrors().Sku("sku", sku);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var product = cluster.GetGrain<IProductGrain>(sku).Get();
        var stock = cluster.GetGrain<IInventoryGrain>(sku).GetLevel();
        var (details, level) = (await product, await stock);
        return details is null ? UnknownProduct("sku") : TypedResults.Ok(ProductResponse.From(details, level));
    }

    public static async Task<Results<Ok<StockResponse>, ValidationProblem, ProblemHttpResult>> AddStock(
        string sku, AddStockRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = request.Validate().Sku("sku", sku);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await cluster.GetGrain<IProductGrain>(sku).Get() is null) return UnknownProduct("sku");

        var level = await cluster.GetGrain<IInventoryGrain>(sku).AddStock(RequestIds.OperationId(http, "stock"), request.Quantity!.Value);
        return TypedResults.Ok(StockResponse.From(sku, level));
    }

    internal static ProblemHttpResult UnknownProduct(string field) => ApiProblems.NotFound(field, "no product has this SKU.");
}
