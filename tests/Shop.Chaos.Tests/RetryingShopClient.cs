using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Shop.Chaos.Tests;

/// <summary>
/// Calls the shop's REST API as a careful client does: every POST carries an Idempotency-Key, and a request that
/// meets a server error, a timeout, a dropped connection or "still being processed" (409 on the key) is sent again
/// with the same key after a growing pause, until it gets a definite answer or the client's patience runs out.
/// </summary>
internal sealed class RetryingShopClient(HttpClient http, ChaosReport report, Random jitter)
{
    // Longer than Orleans' 30 s response timeout: a client that gives up first leaves its request running, and its
    // retries only meet "still being processed".
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(40);

    // Longer than the idempotency key's 1 min lease (a key whose request died mid-way, and whose release failed too,
    // answers 409 until the lease ends) and than a failover with the distributed directory (about 25 s measured).
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Reply?> PostAsync(string operation, string path, object body) =>
        SendAsync(operation, HttpMethod.Post, path, body, idempotencyKey: Guid.NewGuid().ToString("N"));

    public Task<Reply?> PutAsync(string operation, string path, object body) => SendAsync(operation, HttpMethod.Put, path, body, null);

    public Task<Reply?> GetAsync(string operation, string path) => SendAsync(operation, HttpMethod.Get, path, null, null);

    /// <summary>The definite answer, or null when every attempt failed retryably until the client gave up.</summary>
    private async Task<Reply?> SendAsync(string operation, HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        var patience = Stopwatch.StartNew();
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var (reply, failure) = await AttemptAsync(method, path, body, idempotencyKey);
            if (reply is not null)
            {
                report.Answered(operation, reply);
                return reply;
            }

            report.Retried(failure!);
            if (patience.Elapsed + backoff > Patience)
            {
                report.GaveUpOn(operation);
                return null;
            }

            // A client's back-off between retries, with jitter so many clients spread out; not a synchronisation.
            double factor;
            lock (jitter) factor = 0.5 + jitter.NextDouble();
            await Task.Delay(backoff * factor);
            backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }

    private async Task<(Reply? Reply, string? Failure)> AttemptAsync(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        report.Attempted();
        using var timeout = new CancellationTokenSource(AttemptTimeout);
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (status >= 500) return (null, $"HTTP {status}");
            if (response.StatusCode == HttpStatusCode.Conflict && text.Contains("still being processed", StringComparison.Ordinal))
                return (null, "HTTP 409 key in progress");
            return (new Reply(status, Parse(text)), null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (null, "timeout");
        }
        catch (HttpRequestException)
        {
            return (null, "connection");
        }
    }

    private static JsonElement Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
