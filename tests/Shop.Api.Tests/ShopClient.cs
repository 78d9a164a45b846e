using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Api.Tests;

/// <summary>Calls the API the way a REST client would and sets up users and products with fresh keys.</summary>
public sealed class ShopClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http { get; } = http;

    public async Task<Guid> CreateUser(decimal deposit = 0)
    {
        var created = await Http.PostAsJsonAsync("/api/v1/users", new { email = $"{Guid.NewGuid():N}@example.com", name = "Ann" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Read(created)).GetProperty("id").GetGuid();
        if (deposit > 0) Assert.Equal(HttpStatusCode.OK, (await Http.PostAsJsonAsync($"/api/v1/users/{id}/wallet/deposits", new { amount = deposit })).StatusCode);
        return id;
    }

    public async Task<string> CreateProduct(decimal price, int stock)
    {
        var sku = $"SKU-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await Http.PutAsJsonAsync($"/api/v1/products/{sku}", new { name = "Tea", price })).StatusCode);
        if (stock > 0) Assert.Equal(HttpStatusCode.OK, (await Http.PostAsJsonAsync($"/api/v1/products/{sku}/stock", new { quantity = stock })).StatusCode);
        return sku;
    }

    public Task<HttpResponseMessage> PlaceOrder(Guid userId, string sku, int quantity, string? idempotencyKey = null) =>
        Post("/api/v1/orders", JsonSerializer.Serialize(new { userId, lines = new[] { new { sku, quantity } } }), idempotencyKey);

    public Task<HttpResponseMessage> Post(string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Http.SendAsync(request);
    }

    public async Task<JsonElement> Get(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Read(response);
    }

    public static async Task<JsonElement> Read(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
