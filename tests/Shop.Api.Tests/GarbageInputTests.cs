using System.Text;

namespace Shop.Api.Tests;

/// <summary>Whatever a client sends to a route that takes a body, the answer is a client error, never a server error.</summary>
[Collection(ApiCollection.Name)]
public sealed class GarbageInputTests(ShopApiFactory factory)
{
    private readonly ShopClient _shop = new(factory.CreateClient());

    public static TheoryData<string> Bodies => new()
    {
        "null", "[]", "123", "\"text\"", "{}", "{\"lines\":null}", "{\"lines\":[null]}", "{\"lines\":{}}",
        "{\"amount\":1e400}", "{\"quantity\":99999999999}", "{\"price\":\"NaN\"}", "{\"url\":42}",
        "{\"userId\":\"00000000-0000-0000-0000-000000000000\",\"lines\":[{\"sku\":\"\",\"quantity\":1}]}",
        new string('[', 5_000), "{\"email\":\"\\ud800\",\"name\":\"\\u0000\"}",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Garbage_gets_a_client_error_on_every_route_with_a_body(string body)
    {
        var user = await _shop.CreateUser();
        var sku = await _shop.CreateProduct(price: 1m, stock: 1);
        string[] routes = ["POST /api/v1/users", $"POST /api/v1/users/{user}/wallet/deposits", $"PUT /api/v1/products/{sku}",
            $"POST /api/v1/products/{sku}/stock", "POST /api/v1/orders", $"POST /api/v1/users/{user}/webhooks"];

        foreach (var route in routes)
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
            var response = await _shop.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{route} with {body[..Math.Min(body.Length, 60)]}: {status} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
