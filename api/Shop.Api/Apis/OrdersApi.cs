using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Contracts;
using Shop.Api.Idempotency;
using Shop.Api.Problems;
using Shop.Catalog;
using Shop.Orders;

namespace Shop.Api.Apis;

/// <summary>Orders: placing runs the saga; a settled order answers 201, one still settling 202.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", PlaceOrder).WithName("PlaceOrder").WithSummary("Places an order: reserves stock, debits the wallet, confirms or rejects.");
        orders.MapGet("/{id}", GetOrder).WithName("GetOrder");
        orders.MapPost("/{id}/cancel", CancelOrder).WithName("CancelOrder").WithSummary("Cancels a Pending or Confirmed order, returning stock and money.");
        routes.MapGet("/users/{id}/orders", ListUserOrders).WithTags("Orders").WithName("ListUserOrders");
        return routes;
    }

    public static async Task<Results<Created<OrderResponse>, Accepted<OrderResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await UnknownReferences(request, cluster) is { IsEmpty: false } unknown) return ApiProblems.Unprocessable(unknown.ToDictionary());

        var id = RequestIds.NewId(http, "order");
        var order = await cluster.GetGrain<IOrderGrain>(id).Place(request.ToCommand());
        var location = $"/api/v1/orders/{id}";
        return order.Status == OrderStatus.Pending
            ? TypedResults.Accepted(location, OrderResponse.From(order))
            : TypedResults.Created(location, OrderResponse.From(order));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(Guid id, IClusterClient cluster) =>
        await cluster.GetGrain<IOrderGrain>(id).Get() is { } order ? TypedResults.Ok(OrderResponse.From(order)) : UnknownOrder();

    public static async Task<Results<Ok<OrderResponse>, Accepted<OrderResponse>, ProblemHttpResult>> CancelOrder(Guid id, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IOrderGrain>(id).Cancel();
        if (result.Order is not { } order) return UnknownOrder();
        if (!result.Accepted) return ApiProblems.Conflict("status", result.FailureReason ?? $"the order is {order.Status} and cannot be cancelled.");
        return order.Status == OrderStatus.Cancelled
            ? TypedResults.Ok(OrderResponse.From(order))
            : TypedResults.Accepted($"/api/v1/orders/{id}", OrderResponse.From(order));
    }

    public static async Task<Results<Ok<PageResponse<OrderResponse>>, ValidationProblem, ProblemHttpResult>> ListUserOrders(
        Guid id, IClusterClient cluster, int skip = 0, int take = RequestLimits.DefaultPageSize)
    {
        var errors = new RequestErrors().Page(skip, take);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!await UsersApi.Exists(cluster, id)) return UsersApi.UnknownUser();

        var page = await cluster.GetGrain<IUserOrdersGrain>(id).List(skip, take);
        var orders = await Task.WhenAll(page.OrderIds.Select(orderId => cluster.GetGrain<IOrderGrain>(orderId).Get()));
        return TypedResults.Ok(new PageResponse<OrderResponse>([.. orders.OfType<OrderSnapshot>().Select(OrderResponse.From)], page.Total, skip, take));
    }

    /// <summary>The user and every SKU must exist: naming the missing ones beats a rejected order.</summary>
    private static async Task<RequestErrors> UnknownReferences(PlaceOrderRequest request, IClusterClient cluster)
    {
        var errors = new RequestErrors();
        var lines = request.Lines!;
        var user = UsersApi.Exists(cluster, request.UserId!.Value);
        var products = await Task.WhenAll(lines.Select(line => cluster.GetGrain<IProductGrain>(line!.Sku!).Get()));
        if (!await user) errors.Add("userId", "no user has this id.");
        for (var i = 0; i < lines.Count; i++)
        {
            if (products[i] is null) errors.Add($"lines[{i}].sku", "no product has this SKU.");
        }

        return errors;
    }

    private static ProblemHttpResult UnknownOrder() => ApiProblems.NotFound("id", "no order has this id.");
}
