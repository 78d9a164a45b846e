using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Shop.Events;
using Shop.Notifications;
using Shop.Orders;
using Shop.Testing;

namespace Shop.Api.Tests;

/// <summary>
/// Webhook delivery on a fake clock: retries without delay, a 500 ms break and 50 ms redelivery that pass only when
/// the test advances the clock, so the breaker's open, half-open and closed states never race the machine's load.
/// </summary>
public sealed class FastWebhookApiFactory : ShopApiFactory
{
    public FakeTimeProvider Time { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Shop:Webhooks:MaxRetryAttempts"] = "2",
        ["Shop:Webhooks:RetryBaseDelay"] = "00:00:00",
        ["Shop:Webhooks:BreakerMinimumThroughput"] = "3",
        ["Shop:Webhooks:SamplingDuration"] = "00:00:30",
        ["Shop:Webhooks:BreakDuration"] = "00:00:00.500",
        ["Shop:Webhooks:RedeliveryDelay"] = "00:00:00.050",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Grain timers stay real: the stream delivering the events polls on them. The notification grain's rounds
        // then run on real timers but find nothing due until the fake clock says so.
        builder.ConfigureTestServices(services => services.UseFakeClockForGrains(Time, timersToo: false));
    }
}

/// <summary>Webhooks over real HTTP to an endpoint that fails, then recovers.</summary>
public sealed class WebhookDeliveryTests : IClassFixture<FastWebhookApiFactory>, IAsyncLifetime
{
    private readonly FastWebhookApiFactory _factory;
    private readonly ShopClient _shop;
    private readonly WebhookListener _listener = new(failures: 3);

    public WebhookDeliveryTests(FastWebhookApiFactory factory)
    {
        _factory = factory;
        _shop = new ShopClient(factory.CreateClient());
    }

    public Task InitializeAsync() => _listener.StartAsync();

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public async Task Deliveries_retry_open_the_breaker_recover_and_never_repeat_an_event()
    {
        var user = await _shop.CreateUser(deposit: 10m);
        var sku = await _shop.CreateProduct(price: 2m, stock: 5);
        await _shop.Http.PostAsJsonAsync($"/api/v1/users/{user}/webhooks", new { url = _listener.Url });

        var order = (await ShopClient.Read(await _shop.PlaceOrder(user, sku, 1))).GetProperty("id").GetGuid();
        var placed = OrderEvent.IdFor(order, OrderStatus.Pending);
        var confirmed = OrderEvent.IdFor(order, OrderStatus.Confirmed);

        // Three failed requests (one try and two retries) for the first event opened the circuit, so the second
        // event's round sent nothing; both wait for the clock.
        await Eventually.Matches(() => Deliveries(user), d =>
            d.TryGetValue(placed, out var first) && first.GetProperty("attempts").GetInt32() == 3 &&
            d.TryGetValue(confirmed, out var second) && second.GetProperty("lastError").GetString() is { } error && error.StartsWith("circuit open", StringComparison.Ordinal),
            "the first event failed three times and the second met the open circuit");
        Assert.Equal(3, _listener.Requests.Count);

        // After the break one trial request succeeds and closes the circuit, and the next event goes straight through.
        _factory.Time.Advance(TimeSpan.FromMilliseconds(500));
        await Task.WhenAll(_listener.Delivered(placed), _listener.Delivered(confirmed));

        Assert.Equal(5, _listener.Requests.Count);
        Assert.Equal(3, _listener.Requests.Count(r => r.Status == 503));
        var deliveries = await Deliveries(user);
        Assert.All(deliveries.Values, d => Assert.Equal("Delivered", d.GetProperty("status").GetString()));
        Assert.Equal(4, deliveries[placed].GetProperty("attempts").GetInt32());
        Assert.Equal(1, deliveries[confirmed].GetProperty("attempts").GetInt32());
        Assert.StartsWith("circuit open", deliveries[confirmed].GetProperty("lastError").GetString());

        await _shop.Http.PostAsync($"/api/v1/orders/{order}/cancel", null);
        var cancelled = OrderEvent.IdFor(order, OrderStatus.Cancelled);
        await _listener.Delivered(cancelled);
        var notifications = _factory.Services.GetRequiredService<IClusterClient>().GetGrain<INotificationGrain>(user);
        await notifications.Notify(new OrderConfirmed(confirmed, DateTimeOffset.UtcNow, order, user, 2m));

        Assert.Equal(6, _listener.Requests.Count);
        Assert.All(new[] { placed, confirmed, cancelled }, id => Assert.Equal(1, _listener.SuccessesFor(id)));
        Assert.Equal(3, (await notifications.GetDeliveries(0, 10)).Total);
    }

    private async Task<Dictionary<string, JsonElement>> Deliveries(Guid user) =>
        (await _shop.Get($"/api/v1/users/{user}/notifications")).GetProperty("items").EnumerateArray()
            .ToDictionary(d => d.GetProperty("eventId").GetString()!);
}
