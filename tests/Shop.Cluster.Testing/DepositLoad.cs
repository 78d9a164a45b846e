using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Shop.Cluster.Testing;

/// <summary>
/// One client per user depositing in a loop, as a careful REST client does: every deposit has its own idempotency
/// key and is retried with that key until it is acknowledged, so the ledger of acknowledged amounts is exactly what
/// each balance must hold. Counts the failed attempts by what the client saw.
/// </summary>
public sealed class DepositLoad(HttpClient http, IReadOnlyList<Guid> users)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private readonly ConcurrentDictionary<Guid, decimal> _ledger = new(users.Select(u => KeyValuePair.Create(u, 0m)));
    private readonly ConcurrentDictionary<string, int> _failuresByKind = new();
    private readonly CancellationTokenSource _stop = new();
    private int _acknowledged;
    private int _failures;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public int Failures => Volatile.Read(ref _failures);

    public IReadOnlyDictionary<Guid, decimal> Ledger => _ledger;

    /// <summary>What failed attempts saw: status codes, "timeout" or "connection".</summary>
    public IReadOnlyCollection<string> FailureKinds => [.. _failuresByKind.Keys];

    /// <summary>Runs until <see cref="StopAsync"/>; a deposit under way when it is stopped still runs to its acknowledgement.</summary>
    public Task RunAsync() => Task.WhenAll(users.Select(async (user, index) =>
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            // Amounts differ per deposit, so a lost or doubled deposit cannot hide behind another.
            var amount = 1 + ((index + i) % 7);
            await DepositUntilAcknowledgedAsync(user, amount);
            _ledger.AddOrUpdate(user, amount, (_, sum) => sum + amount);
            Interlocked.Increment(ref _acknowledged);
        }
    }));

    public async Task StopAsync(Task running)
    {
        await _stop.CancelAsync();
        await running;
    }

    public string Describe() =>
        $"{Acknowledged} deposits acknowledged, {Failures} failed attempts retried ({string.Join(", ", _failuresByKind.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}"))})";

    private async Task DepositUntilAcknowledgedAsync(Guid user, decimal amount)
    {
        var key = Guid.NewGuid().ToString("N");
        var giveUp = DateTime.UtcNow + GiveUpAfter;
        for (var attempt = 0; ; attempt++)
        {
            var failure = await TryDepositAsync(user, amount, key);
            if (failure is null) return;
            Interlocked.Increment(ref _failures);
            _failuresByKind.AddOrUpdate(failure, 1, (_, n) => n + 1);
            if (DateTime.UtcNow > giveUp) throw new TimeoutException($"A deposit to {user} was not acknowledged within {GiveUpAfter}; last: {failure}.");
            // Backing off between retries, as a client should; not a wait for any state.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 << Math.Min(attempt, 5))));
        }
    }

    /// <summary>Null when acknowledged; otherwise what went wrong, as a short kind ("503", "timeout", ...).</summary>
    private async Task<string?> TryDepositAsync(Guid user, decimal amount, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{user}/wallet/deposits") { Content = JsonContent.Create(new { amount }) };
        request.Headers.Add("Idempotency-Key", key);
        using var timeout = new CancellationTokenSource(AttemptTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK) return null;
            // 4xx other than "still in progress" is a client mistake here, never something to retry.
            if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.Conflict)
                throw new InvalidOperationException($"deposit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException)
        {
            return "connection";
        }
    }
}
