using System.Diagnostics;
using Orleans;
using Orleans.Runtime;
using Shop.Catalog;
using Shop.Observability.Telemetry;

namespace Shop.Telemetry.Tests;

/// <summary>One POST of an order is one trace: the API's span, grain calls on both silos, the events' publish and delivery.</summary>
[Collection(ObservedShopCollection.Name)]
public sealed class TraceTests(ObservedShop shop)
{
    private readonly Shopper _shopper = new(shop.Http);

    [Fact]
    public async Task One_order_is_one_trace_from_the_API_through_grains_on_two_silos_to_the_event_deliveries()
    {
        var user = await _shopper.CreateUser(deposit: 100m);
        var (first, second) = await ProductsOnTwoSilosAsync();

        // The caller is traced (as a traced client would be), so this request's trace is known whatever else the
        // shared cluster is doing; HttpClient's span and the API's continue it.
        using var caller = new Activity("test caller");
        caller.SetIdFormat(ActivityIdFormat.W3C);
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        caller.Start();
        var traceId = caller.TraceId;
        var order = await _shopper.PlaceOrder(user, first, second);
        caller.Stop();
        Assert.Equal("Confirmed", order.GetProperty("status").GetString());

        // The server's span ends after the response went out: wait for it as for the rest.
        var requests = await Deadline.Until(() => shop.Spans.InTrace(traceId).Where(IsServerSpan).ToList(), spans => spans.Count > 0, "the request's span ended");
        var request = Assert.Single(requests);
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        Assert.Equal("/api/v1/orders", request.GetTagItem("url.path"));
        // The deliveries run after the response, on whichever silo hosts the consumers: wait for both streams' deliveries.
        var trace = await Deadline.Until(() => shop.Spans.InTrace(traceId),
            spans => spans.Any(s => s.DisplayName == "deliver orders") && spans.Any(s => s.DisplayName == "deliver inventory"),
            "the order's and the stock's events were delivered in the request's trace");

        var grainCalls = trace.Where(s => s.Source.Name == ShopTelemetry.OrleansApplicationSource).ToList();
        Assert.Contains(grainCalls, s => s.Kind == ActivityKind.Client && s.DisplayName.Contains("IOrderGrain", StringComparison.Ordinal) && s.ParentSpanId == request.SpanId);
        Assert.Contains(grainCalls, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("IWalletGrain", StringComparison.Ordinal));
        var silos = grainCalls.Select(s => s.GetTagItem(ShopTelemetry.SiloTag) as string).OfType<string>().Distinct().ToList();
        Assert.True(silos.Count >= 2, $"grain calls ran on {silos.Count} silo(s): {string.Join(", ", silos)}");

        var publishes = trace.Where(s => s.Source.Name == ShopTelemetry.ShopSource && s.Kind == ActivityKind.Producer).ToList();
        Assert.Contains(publishes, s => s.DisplayName == "publish orders");
        Assert.Contains(publishes, s => s.DisplayName == "publish inventory");
        var deliveries = trace.Where(s => s.Source.Name == ShopTelemetry.ShopSource && s.Kind == ActivityKind.Consumer).ToList();
        // Each delivery is a child of the publish that sent its event, not merely in the same trace.
        Assert.All(deliveries, delivery => Assert.Contains(publishes, publish => publish.SpanId == delivery.ParentSpanId));
        Assert.All(trace, span => Assert.Equal(request.TraceId, span.TraceId));
    }

    [Fact]
    public async Task The_shop_metrics_move_when_orders_are_placed_confirmed_and_rejected()
    {
        shop.Api.CollectMetrics();
        var before = Snapshot();
        var user = await _shopper.CreateUser(deposit: 3m);
        var sku = await _shopper.CreateProduct(price: 2m, stock: 10);

        Assert.Equal("Confirmed", (await _shopper.PlaceOrder(user, sku)).GetProperty("status").GetString());
        Assert.Equal("Rejected", (await _shopper.PlaceOrder(user, sku)).GetProperty("status").GetString());

        shop.Api.CollectMetrics();
        var after = Snapshot();
        Assert.Equal(2, after["shop.orders.placed"] - before["shop.orders.placed"]);
        Assert.Equal(1, after["shop.orders.confirmed"] - before["shop.orders.confirmed"]);
        Assert.Equal(1, after["shop.orders.rejected"] - before["shop.orders.rejected"]);
        Assert.Equal(2, after["shop.orders.saga.duration"] - before["shop.orders.saga.duration"]);
        // Orleans' own meter and ASP.NET Core's reach the same pipeline.
        Assert.True(after["http.server.request.duration"] > 0);
        Assert.Contains(shop.Metrics.Names, name => name.StartsWith("orleans-", StringComparison.Ordinal) || name.StartsWith("orleans.", StringComparison.Ordinal));
    }

    private static bool IsServerSpan(Activity span) => span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server;

    private Dictionary<string, double> Snapshot() =>
        new[] { "shop.orders.placed", "shop.orders.confirmed", "shop.orders.rejected", "shop.orders.saga.duration", "http.server.request.duration" }
            .ToDictionary(name => name, name => shop.Metrics[name]);

    /// <summary>
    /// Two products whose grains live on different silos, so the order's calls to them must cross silos. Placement is
    /// the runtime's choice: make products until two landed apart (each is activated by its creation).
    /// </summary>
    private async Task<(string, string)> ProductsOnTwoSilosAsync()
    {
        var management = shop.Client.GetGrain<IManagementGrain>(0);
        var bySilo = new Dictionary<SiloAddress, string>();
        for (var attempt = 0; attempt < 40 && bySilo.Count < 2; attempt++)
        {
            var sku = await _shopper.CreateProduct(price: 1m, stock: 10);
            var silo = await management.GetActivationAddress(shop.Client.GetGrain<IProductGrain>(sku));
            if (silo is not null) bySilo.TryAdd(silo, sku);
        }

        Assert.True(bySilo.Count == 2, "40 products all landed on one silo");
        var skus = bySilo.Values.ToList();
        return (skus[0], skus[1]);
    }
}
