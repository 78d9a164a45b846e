using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Cluster.Testing;

/// <summary>REST calls to the API as a client makes them: every POST with an idempotency key.</summary>
public static class ShopRequests
{
    public static async Task<Guid> CreateUserAsync(this HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
        {
            Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.com", name = "Ann" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new HttpRequestException($"create user: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task DepositAsync(this HttpClient http, Guid user, decimal amount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{user}/wallet/deposits")
        {
            Content = JsonContent.Create(new { amount }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"deposit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<decimal> BalanceAsync(this HttpClient http, Guid user)
    {
        using var response = await http.GetAsync($"/api/v1/users/{user}/wallet");
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"wallet: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetDecimal();
    }

    /// <summary>True when the call answered 200 within <paramref name="timeout"/>.</summary>
    public static async Task<bool> AnswersAsync(this HttpClient http, Guid user, TimeSpan timeout)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(timeout);
            using var response = await http.GetAsync($"/api/v1/users/{user}", cancellation.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
