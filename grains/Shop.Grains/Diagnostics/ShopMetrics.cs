using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Shop.Orders;

namespace Shop.Diagnostics;

/// <summary>
/// The shop's instruments on the <see cref="ShopDiagnosticNames.Meter"/> meter, created through the host's
/// IMeterFactory (System.Diagnostics.Metrics only: the grains know nothing of OpenTelemetry).
/// </summary>
internal sealed class ShopMetrics
{
    private readonly Counter<long> _placed;
    private readonly Counter<long> _confirmed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _sagaDuration;
    private readonly Counter<long> _webhookDeliveries;
    private readonly ConcurrentDictionary<string, string> _circuits = new(StringComparer.Ordinal);

    public ShopMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ShopDiagnosticNames.Meter);
        _placed = meter.CreateCounter<long>("shop.orders.placed", "{order}", "Orders accepted for processing.");
        _confirmed = meter.CreateCounter<long>("shop.orders.confirmed", "{order}", "Orders whose stock was sold and wallet debited.");
        _rejected = meter.CreateCounter<long>("shop.orders.rejected", "{order}", "Orders that failed and were compensated.");
        _cancelled = meter.CreateCounter<long>("shop.orders.cancelled", "{order}", "Orders cancelled, their stock and money returned.");
        // Seconds, so the default buckets (made for milliseconds) would put every saga in the first one or two.
        _sagaDuration = meter.CreateHistogram("shop.orders.saga.duration", "s",
            "From an order's placement to the end of its saga, by outcome (shop.order.status).", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900] });
        _webhookDeliveries = meter.CreateCounter<long>("shop.webhooks.deliveries", "{round}",
            "Webhook delivery rounds by outcome (shop.webhook.outcome): delivered, transient_failure, circuit_open, refused.");
        meter.CreateObservableGauge("shop.webhooks.breaker.circuits", ObserveCircuits, "{circuit}",
            "Webhook endpoints by the state of their circuit breaker (shop.webhook.breaker.state): closed, open, half_open.");
    }

    public void OrderPlaced() => _placed.Add(1);

    public void OrderFinished(OrderStatus status, TimeSpan sincePlaced)
    {
        var counter = status switch
        {
            OrderStatus.Confirmed => _confirmed,
            OrderStatus.Rejected => _rejected,
            OrderStatus.Cancelled => _cancelled,
            _ => null,
        };
        if (counter is null) return;
        counter.Add(1);
        _sagaDuration.Record(Math.Max(0, sincePlaced.TotalSeconds), new KeyValuePair<string, object?>("shop.order.status", StatusTag(status)));
    }

    public void WebhookDelivered(string outcome) =>
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("shop.webhook.outcome", outcome));

    /// <summary>Records the state an endpoint's circuit moved to (closed, open or half_open).</summary>
    public void CircuitChanged(string endpoint, string state) => _circuits[endpoint] = state;

    private IEnumerable<Measurement<int>> ObserveCircuits() =>
        _circuits.Values.GroupBy(state => state, StringComparer.Ordinal)
            .Select(group => new Measurement<int>(group.Count(), new KeyValuePair<string, object?>("shop.webhook.breaker.state", group.Key)));

    private static string StatusTag(OrderStatus status) => status switch
    {
        OrderStatus.Confirmed => "confirmed",
        OrderStatus.Rejected => "rejected",
        OrderStatus.Cancelled => "cancelled",
        _ => "pending",
    };
}
