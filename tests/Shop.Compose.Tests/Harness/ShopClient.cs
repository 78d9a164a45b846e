using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Compose.Tests.Harness;

/// <summary>
/// The shop's REST API as a careful client calls it: every POST carries an Idempotency-Key, and a call that meets a
/// transient failure (connection error, timeout, 5xx, 409 "still being processed") is sent again with the same key,
/// a bounded number of times. A call that still fails counts as a failed request.
/// </summary>
internal sealed class ShopClient(HttpClient http)
{
    public const int MaxAttempts = 8;

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    private int _retries;

    /// <summary>Attempts sent again after a transient failure (each is not a failed request).</summary>
    public int Retries => _retries;

    public async Task<Guid> CreateUserAsync(string name) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/users", new { email = $"{Guid.NewGuid():N}@example.com", name }, HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    public Task<JsonElement> DepositAsync(Guid user, decimal amount) =>
        SendAsync(HttpMethod.Post, $"/api/v1/users/{user}/wallet/deposits", new { amount }, HttpStatusCode.OK);

    public Task<JsonElement> WalletAsync(Guid user) => SendAsync(HttpMethod.Get, $"/api/v1/users/{user}/wallet", null, HttpStatusCode.OK);

    public Task PutProductAsync(string sku, decimal price) =>
        SendAsync(HttpMethod.Put, $"/api/v1/products/{sku}", new { name = $"Product {sku}", price }, HttpStatusCode.OK, HttpStatusCode.Created);

    /// <summary>Adds stock and returns the levels (available, reserved, sold) after it.</summary>
    public Task<JsonElement> AddStockAsync(string sku, int quantity) =>
        SendAsync(HttpMethod.Post, $"/api/v1/products/{sku}/stock", new { quantity }, HttpStatusCode.OK);

    public Task<JsonElement> ProductAsync(string sku) => SendAsync(HttpMethod.Get, $"/api/v1/products/{sku}", null, HttpStatusCode.OK);

    /// <summary>Places an order and returns it as answered (Pending, Confirmed or Rejected).</summary>
    public Task<JsonElement> PlaceOrderAsync(Guid user, string sku, int quantity) =>
        SendAsync(HttpMethod.Post, "/api/v1/orders", new { userId = user, lines = new[] { new { sku, quantity } } },
            HttpStatusCode.Created, HttpStatusCode.Accepted);

    public Task<JsonElement> OrderAsync(Guid order) => SendAsync(HttpMethod.Get, $"/api/v1/orders/{order}", null, HttpStatusCode.OK);

    public Task AddWebhookAsync(Guid user, string url) =>
        SendAsync(HttpMethod.Post, $"/api/v1/users/{user}/webhooks", new { url }, HttpStatusCode.Created);

    /// <summary>The user's webhook delivery log (newest first): each entry is an order event the silos read from the stream.</summary>
    public async Task<List<JsonElement>> NotificationsAsync(Guid user) =>
        [.. (await SendAsync(HttpMethod.Get, $"/api/v1/users/{user}/notifications", null, HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    /// <summary>Every order of the user, all pages.</summary>
    public async Task<List<JsonElement>> OrdersOfAsync(Guid user)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var page = await SendAsync(HttpMethod.Get, $"/api/v1/users/{user}/orders?skip={all.Count}&take=100", null, HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count == 0 || all.Count >= page.GetProperty("total").GetInt32()) return all;
        }
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, params HttpStatusCode[] expected)
    {
        var key = Guid.NewGuid().ToString("N");
        var failures = new List<string>();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Min(attempt, 6)));
            }

            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = JsonContent.Create(body);
            if (method == HttpMethod.Post) request.Headers.Add("Idempotency-Key", key);
            try
            {
                using var timeout = new CancellationTokenSource(AttemptTimeout);
                using var response = await http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (expected.Contains(response.StatusCode))
                    return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
                failures.Add($"{(int)response.StatusCode} {text}");
                if (!IsTransient(response.StatusCode)) break;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                failures.Add(e.GetType().Name + ": " + e.Message);
            }
        }

        throw new ShopRequestFailedException($"{method} {path} failed after {failures.Count} attempts: {string.Join(" | ", failures)}");
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests;
}

/// <summary>A request that failed even after the bounded retries.</summary>
internal sealed class ShopRequestFailedException(string message) : Exception(message);
