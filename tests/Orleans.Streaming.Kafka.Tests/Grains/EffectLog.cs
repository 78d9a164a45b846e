using System.Collections.Concurrent;

namespace Orleans.Streaming.Kafka.Tests.Grains;

/// <summary>
/// Stands in for a subscriber's database, shared by every silo of the in-process cluster: an effect is applied
/// once per token (offset), so redeliveries after a failover show up as deliveries but not as effects.
/// </summary>
public static class EffectLog
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    public static Entry For(string key) => Entries.GetOrAdd(key, _ => new Entry());

    /// <summary>The effects of one consumer key, with a signal on every change.</summary>
    public sealed class Entry
    {
        private readonly Lock _lock = new();
        private readonly List<string> _applied = [];
        private readonly List<long> _offsets = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _last = -1;

        public int Deliveries { get; private set; }

        /// <summary>The W3C trace context each delivery carried in the request context, if any.</summary>
        public ConcurrentQueue<string?> TraceParents { get; } = new();

        public void Record(string value, StreamSequenceToken? token)
        {
            TaskCompletionSource changed;
            lock (_lock)
            {
                Deliveries++;
                var offset = token?.SequenceNumber ?? -1;
                if (token is not null && offset <= _last) return;
                _last = offset;
                _applied.Add(value);
                _offsets.Add(offset);
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.SetResult();
        }

        public IReadOnlyList<string> Applied
        {
            get
            {
                lock (_lock) return [.. _applied];
            }
        }

        public IReadOnlyList<long> Offsets
        {
            get
            {
                lock (_lock) return [.. _offsets];
            }
        }

        /// <summary>Waits, on change signals, until <paramref name="count"/> effects were applied; returns them.</summary>
        public async Task<IReadOnlyList<string>> WaitForCount(int count, TimeSpan? timeout = null)
        {
            using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
            while (true)
            {
                Task changed;
                lock (_lock)
                {
                    if (_applied.Count >= count) return [.. _applied];
                    changed = _changed.Task;
                }

                try
                {
                    await changed.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"Waited for {count} effects; got {_applied.Count}: {string.Join(", ", Applied)}");
                }
            }
        }
    }
}
