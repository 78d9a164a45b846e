using System.Net;
using System.Text;
using System.Text.Json;

namespace Shop.Api.Tests;

/// <summary>Every class of client mistake gets a 4xx problem document naming the field, never a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ShopApiFactory factory)
{
    private readonly ShopClient _shop = new(factory.CreateClient());

    /// <summary>{user} and {sku} stand for a user and a product that exist; {missing} for an id nobody has.</summary>
    public static TheoryData<string, string, string, string?, int, string> Cases => new()
    {
        { "malformed JSON", "POST", "/api/v1/users", "{\"email\": ", 400, "email" },
        { "not JSON at all", "POST", "/api/v1/users", "hello", 400, "body" },
        { "no body", "POST", "/api/v1/users", null, 400, "body" },
        { "wrong type", "POST", "/api/v1/users/{user}/wallet/deposits", "{\"amount\":\"ten\"}", 400, "amount" },
        { "wrong type in a line", "POST", "/api/v1/orders", "{\"userId\":\"{user}\",\"lines\":[{\"sku\":\"{sku}\",\"quantity\":1.5}]}", 400, "lines[0].quantity" },
        { "missing email", "POST", "/api/v1/users", "{\"name\":\"Ann\"}", 400, "email" },
        { "invalid email", "POST", "/api/v1/users", "{\"email\":\"not-an-email\",\"name\":\"Ann\"}", 400, "email" },
        { "missing amount", "POST", "/api/v1/users/{user}/wallet/deposits", "{}", 400, "amount" },
        { "zero amount", "POST", "/api/v1/users/{user}/wallet/deposits", "{\"amount\":0}", 400, "amount" },
        { "negative amount", "POST", "/api/v1/users/{user}/wallet/deposits", "{\"amount\":-5}", 400, "amount" },
        { "fractions of a cent", "POST", "/api/v1/users/{user}/wallet/deposits", "{\"amount\":1.005}", 400, "amount" },
        { "negative price", "PUT", "/api/v1/products/{sku}", "{\"name\":\"Tea\",\"price\":-1}", 400, "price" },
        { "invalid SKU", "PUT", "/api/v1/products/bad%20sku", "{\"name\":\"Tea\",\"price\":1}", 400, "sku" },
        { "zero stock", "POST", "/api/v1/products/{sku}/stock", "{\"quantity\":0}", 400, "quantity" },
        { "zero quantity", "POST", "/api/v1/orders", "{\"userId\":\"{user}\",\"lines\":[{\"sku\":\"{sku}\",\"quantity\":0}]}", 400, "lines[0].quantity" },
        { "missing lines", "POST", "/api/v1/orders", "{\"userId\":\"{user}\"}", 400, "lines" },
        { "no lines", "POST", "/api/v1/orders", "{\"userId\":\"{user}\",\"lines\":[]}", 400, "lines" },
        { "too many lines", "POST", "/api/v1/orders", TooManyLines, 400, "lines" },
        { "repeated SKU", "POST", "/api/v1/orders", "{\"userId\":\"{user}\",\"lines\":[{\"sku\":\"{sku}\",\"quantity\":1},{\"sku\":\"{sku}\",\"quantity\":1}]}", 400, "lines[1].sku" },
        { "unparsable id", "GET", "/api/v1/users/not-a-guid", null, 400, "id" },
        { "bad page size", "GET", "/api/v1/users/{user}/orders?take=1000", null, 400, "take" },
        { "unparsable page size", "GET", "/api/v1/users/{user}/orders?take=many", null, 400, "take" },
        { "unknown user", "GET", "/api/v1/users/{missing}", null, 404, "id" },
        { "deposit for an unknown user", "POST", "/api/v1/users/{missing}/wallet/deposits", "{\"amount\":5}", 404, "id" },
        { "unknown product", "GET", "/api/v1/products/NO-SUCH-SKU", null, 404, "sku" },
        { "stock for an unknown product", "POST", "/api/v1/products/NO-SUCH-SKU/stock", "{\"quantity\":5}", 404, "sku" },
        { "unknown order", "GET", "/api/v1/orders/{missing}", null, 404, "id" },
        { "cancel an unknown order", "POST", "/api/v1/orders/{missing}/cancel", null, 404, "id" },
        { "order for an unknown user", "POST", "/api/v1/orders", "{\"userId\":\"{missing}\",\"lines\":[{\"sku\":\"{sku}\",\"quantity\":1}]}", 422, "userId" },
        { "order of an unknown product", "POST", "/api/v1/orders", "{\"userId\":\"{user}\",\"lines\":[{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}]}", 422, "lines[0].sku" },
        { "webhook that is not a URL", "POST", "/api/v1/users/{user}/webhooks", "{\"url\":\"ftp://example.com\"}", 400, "url" },
        { "oversized body", "POST", "/api/v1/users", "{\"email\":\"a@b.co\",\"name\":\"" + new string('x', 70_000) + "\"}", 413, "body" },
    };

    private static string TooManyLines =>
        "{\"userId\":\"{user}\",\"lines\":[" + string.Join(",", Enumerable.Range(0, 51).Select(i => $"{{\"sku\":\"S{i}\",\"quantity\":1}}")) + "]}";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_client_mistake_gets_a_problem_naming_the_field(string mistake, string method, string path, string? body, int status, string field)
    {
        var user = await _shop.CreateUser();
        var sku = await _shop.CreateProduct(price: 1m, stock: 1);
        string Fill(string text) => text.Replace("{user}", user.ToString()).Replace("{sku}", sku).Replace("{missing}", Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body is not null) request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        else if (method != "GET") request.Content = new StringContent("", Encoding.UTF8, "application/json");

        var response = await _shop.Http.SendAsync(request);

        Assert.True(status == (int)response.StatusCode, $"{mistake}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{mistake}: no error for '{field}' in {problem}");
    }

    [Fact]
    public async Task An_email_that_is_taken_is_a_conflict_on_the_email_field()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await _shop.Post("/api/v1/users", JsonSerializer.Serialize(new { email, name = "Ann" }));
        var again = await _shop.Post("/api/v1/users", JsonSerializer.Serialize(new { email = email.ToUpperInvariant(), name = "Bea" }));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await ShopClient.Read(again)).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Cancelling_a_cancelled_order_is_a_conflict_on_its_status()
    {
        var user = await _shop.CreateUser(deposit: 5m);
        var sku = await _shop.CreateProduct(price: 1m, stock: 1);
        var id = (await ShopClient.Read(await _shop.PlaceOrder(user, sku, 1))).GetProperty("id").GetGuid();
        await _shop.Http.PostAsync($"/api/v1/orders/{id}/cancel", null);

        var again = await _shop.Http.PostAsync($"/api/v1/orders/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await ShopClient.Read(again)).GetProperty("errors").TryGetProperty("status", out _));
    }
}
