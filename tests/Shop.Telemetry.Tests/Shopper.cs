using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Telemetry.Tests;

/// <summary>Sets up users and products over the API, with fresh keys per call.</summary>
public sealed class Shopper(HttpClient http)
{
    public async Task<Guid> CreateUser(decimal deposit)
    {
        var created = await http.PostAsJsonAsync("/api/v1/users", new { email = $"{Guid.NewGuid():N}@example.com", name = "Ann" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Read(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/v1/users/{id}/wallet/deposits", new { amount = deposit })).StatusCode);
        return id;
    }

    public async Task<string> CreateProduct(decimal price, int stock)
    {
        var sku = $"SKU-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await http.PutAsJsonAsync($"/api/v1/products/{sku}", new { name = "Tea", price })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/v1/products/{sku}/stock", new { quantity = stock })).StatusCode);
        return sku;
    }

    public async Task<JsonElement> PlaceOrder(Guid userId, params string[] skus)
    {
        var response = await http.PostAsJsonAsync("/api/v1/orders", new { userId, lines = skus.Select(sku => new { sku, quantity = 1 }) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Read(response);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
