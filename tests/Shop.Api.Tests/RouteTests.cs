using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Api.Tests;

/// <summary>Every route of the v1 API, on its success path.</summary>
[Collection(ApiCollection.Name)]
public sealed class RouteTests(ShopApiFactory factory)
{
    private readonly ShopClient _shop = new(factory.CreateClient());

    [Fact]
    public async Task Users_are_created_and_read_back()
    {
        var email = $"{Guid.NewGuid():N}@Example.com";
        var created = await _shop.Http.PostAsJsonAsync("/api/v1/users", new { email, name = " Ann " });
        var body = await ShopClient.Read(created);
        var id = body.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/users/{id}", created.Headers.Location!.OriginalString);
        var read = await _shop.Get($"/api/v1/users/{id}");
        Assert.Equal((email.ToLowerInvariant(), "Ann"), (read.GetProperty("email").GetString(), read.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Deposits_add_to_the_wallet_balance()
    {
        var user = await _shop.CreateUser();
        var deposit = await _shop.Http.PostAsJsonAsync($"/api/v1/users/{user}/wallet/deposits", new { amount = 12.34m });
        Assert.Equal(HttpStatusCode.OK, deposit.StatusCode);
        Assert.Equal(12.34m, (await ShopClient.Read(deposit)).GetProperty("balance").GetDecimal());
        await _shop.Http.PostAsJsonAsync($"/api/v1/users/{user}/wallet/deposits", new { amount = 0.66m });

        Assert.Equal(13m, (await _shop.Get($"/api/v1/users/{user}/wallet")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Products_are_created_then_updated_and_show_available_stock()
    {
        var sku = $"TEA-{Guid.NewGuid():N}"[..16];
        var created = await _shop.Http.PutAsJsonAsync($"/api/v1/products/{sku}", new { name = "Green tea", price = 4.5m });
        var updated = await _shop.Http.PutAsJsonAsync($"/api/v1/products/{sku}", new { name = "Green tea", price = 5m });
        var stocked = await _shop.Http.PostAsJsonAsync($"/api/v1/products/{sku}/stock", new { quantity = 7 });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (created.StatusCode, updated.StatusCode, stocked.StatusCode));
        Assert.Equal(7, (await ShopClient.Read(stocked)).GetProperty("available").GetInt32());
        var product = await _shop.Get($"/api/v1/products/{sku}");
        Assert.Equal((5m, 7), (product.GetProperty("price").GetDecimal(), product.GetProperty("available").GetInt32()));
    }

    [Fact]
    public async Task An_order_is_confirmed_listed_and_cancelled()
    {
        var user = await _shop.CreateUser(deposit: 50m);
        var sku = await _shop.CreateProduct(price: 4.5m, stock: 10);

        var placed = await _shop.PlaceOrder(user, sku, 3);
        var order = await ShopClient.Read(placed);
        var id = order.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal(("Confirmed", 13.5m), (order.GetProperty("status").GetString(), order.GetProperty("total").GetDecimal()));
        Assert.Equal("Confirmed", (await _shop.Get($"/api/v1/orders/{id}")).GetProperty("status").GetString());
        Assert.Equal(7, (await _shop.Get($"/api/v1/products/{sku}")).GetProperty("available").GetInt32());

        var second = await ShopClient.Read(await _shop.PlaceOrder(user, sku, 1));
        var page = await _shop.Get($"/api/v1/users/{user}/orders?skip=0&take=1");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(second.GetProperty("id").GetGuid(), page.GetProperty("items")[0].GetProperty("id").GetGuid());

        var cancelled = await _shop.Http.PostAsync($"/api/v1/orders/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await ShopClient.Read(cancelled)).GetProperty("status").GetString());
        Assert.Equal(50m - 4.5m, (await _shop.Get($"/api/v1/users/{user}/wallet")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_rejected_order_reports_its_reason()
    {
        var user = await _shop.CreateUser(deposit: 1m);
        var sku = await _shop.CreateProduct(price: 4.5m, stock: 10);

        var order = await ShopClient.Read(await _shop.PlaceOrder(user, sku, 1));

        Assert.Equal(("Rejected", "insufficient funds"), (order.GetProperty("status").GetString(), order.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Webhooks_are_registered_and_the_delivery_log_is_readable()
    {
        var user = await _shop.CreateUser();
        var added = await _shop.Http.PostAsJsonAsync($"/api/v1/users/{user}/webhooks", new { url = "http://127.0.0.1:9/hook" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("http://127.0.0.1:9/hook", (await _shop.Get($"/api/v1/users/{user}/webhooks"))[0].GetProperty("url").GetString());
        Assert.Equal(0, (await _shop.Get($"/api/v1/users/{user}/notifications")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OpenApi_and_health_are_served()
    {
        var openApi = await _shop.Get("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/orders", out _));
        Assert.True(paths.TryGetProperty("/api/v1/users/{id}/notifications", out _));
        Assert.Equal(HttpStatusCode.OK, (await _shop.Http.GetAsync("/health/live")).StatusCode);
        var ready = await _shop.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal(["cluster", "storage"], report.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(report.GetProperty("checks").EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }
}
