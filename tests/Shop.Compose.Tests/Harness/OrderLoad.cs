using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Shop.Compose.Tests.Harness;

/// <summary>
/// Clients that keep ordering while the cluster changes under them: each worker places one-line orders for its own
/// user, reads some back, and counts requests that failed despite the bounded retries.
/// </summary>
internal sealed class OrderLoad : IAsyncDisposable
{
    private readonly ShopClient _client;
    private readonly IReadOnlyList<Guid> _users;
    private readonly IReadOnlyList<string> _skus;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private readonly ConcurrentQueue<string> _failures = new();
    private long _requests;
    private long _maxLatencyTicks;

    public OrderLoad(ShopClient client, IReadOnlyList<Guid> users, IReadOnlyList<string> skus)
    {
        _client = client;
        _users = users;
        _skus = skus;
        for (var i = 0; i < users.Count; i++)
        {
            var worker = i;
            _workers.Add(Task.Run(() => RunAsync(worker)));
        }
    }

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyCollection<string> Failures => _failures;

    public TimeSpan MaxLatency => TimeSpan.FromTicks(Interlocked.Read(ref _maxLatencyTicks));

    private async Task RunAsync(int worker)
    {
        var random = new Random(worker);
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var order = await _client.PlaceOrderAsync(_users[worker], _skus[random.Next(_skus.Count)], 1 + random.Next(2));
                await _client.OrderAsync(order.GetProperty("id").GetGuid());
            }
            catch (ShopRequestFailedException e)
            {
                _failures.Enqueue(e.Message);
            }

            Interlocked.Add(ref _requests, 2);
            var elapsed = Stopwatch.GetElapsedTime(started).Ticks;
            long seen;
            while (elapsed > (seen = Interlocked.Read(ref _maxLatencyTicks)) && Interlocked.CompareExchange(ref _maxLatencyTicks, elapsed, seen) != seen)
            {
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the workers after their current order; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
