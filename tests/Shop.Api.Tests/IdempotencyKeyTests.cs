using System.Net;
using System.Text.Json;

namespace Shop.Api.Tests;

/// <summary>POSTs with an Idempotency-Key: the same request again is answered from the first response and does nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyKeyTests(ShopApiFactory factory)
{
    private readonly ShopClient _shop = new(factory.CreateClient());

    [Fact]
    public async Task A_repeated_user_creation_returns_the_first_response()
    {
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { email = $"{Guid.NewGuid():N}@example.com", name = "Ann" });

        var first = await _shop.Post("/api/v1/users", body, key);
        var second = await _shop.Post("/api/v1/users", body, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.Contains("Idempotency-Replayed"));
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
    }

    [Fact]
    public async Task A_retried_deposit_moves_money_once_even_when_sent_concurrently()
    {
        var user = await _shop.CreateUser();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _shop.Post($"/api/v1/users/{user}/wallet/deposits", "{\"amount\":10}", key)));
        var retried = await _shop.Post($"/api/v1/users/{user}/wallet/deposits", "{\"amount\":10}", key);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(10m, (await _shop.Get($"/api/v1/users/{user}/wallet")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_retried_order_is_placed_once()
    {
        var user = await _shop.CreateUser(deposit: 10m);
        var sku = await _shop.CreateProduct(price: 2m, stock: 5);
        var key = Guid.NewGuid().ToString();

        var first = await ShopClient.Read(await _shop.PlaceOrder(user, sku, 2, key));
        var second = await ShopClient.Read(await _shop.PlaceOrder(user, sku, 2, key));

        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(3, (await _shop.Get($"/api/v1/products/{sku}")).GetProperty("available").GetInt32());
        Assert.Equal(6m, (await _shop.Get($"/api/v1/users/{user}/wallet")).GetProperty("balance").GetDecimal());
        Assert.Equal(1, (await _shop.Get($"/api/v1/users/{user}/orders")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_unprocessable()
    {
        var user = await _shop.CreateUser();
        var key = Guid.NewGuid().ToString();
        await _shop.Post($"/api/v1/users/{user}/wallet/deposits", "{\"amount\":10}", key);

        var different = await _shop.Post($"/api/v1/users/{user}/wallet/deposits", "{\"amount\":20}", key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.True((await ShopClient.Read(different)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(10m, (await _shop.Get($"/api/v1/users/{user}/wallet")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task An_unusable_key_is_a_bad_request_naming_the_header()
    {
        var response = await _shop.Post("/api/v1/users", "{}", new string('k', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ShopClient.Read(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }
}
