using Granary.Invocation;

namespace Granary.Catalog;

/// <summary>Enumerations of grain methods returning IAsyncEnumerable, held open between the caller's batch requests.</summary>
internal sealed partial class ActivationData : IEnumerationHost
{
    private readonly Dictionary<long, OpenEnumeration> _enumerations = [];

    public async ValueTask<object?> NextBatchAsync(long enumerationId)
    {
        OpenEnumeration? enumeration;
        lock (_lock) _enumerations.TryGetValue(enumerationId, out enumeration);
        if (enumeration is null)
            throw new InvalidOperationException($"Enumeration {enumerationId} of {GrainId} no longer exists (the grain was deactivated or the enumeration ended).");

        var items = new List<object?>();
        var completed = false;
        while (items.Count < _shared.Messaging.AsyncEnumerableBatchSize)
        {
            var move = enumeration.TakePendingMove() ?? enumeration.Enumerator.MoveNextAsync();
            // Return what we have rather than hold items back behind a slow producer.
            if (!move.IsCompleted && items.Count > 0)
            {
                enumeration.PendingMove = move;
                break;
            }

            if (!await move)
            {
                completed = true;
                break;
            }

            items.Add(enumeration.Enumerator.Current);
        }

        if (completed) await DisposeEnumerationAsync(enumerationId);
        return new EnumerationBatch(ActivationId, enumerationId, [.. items], completed);
    }

    public async ValueTask<object?> DisposeEnumerationAsync(long enumerationId)
    {
        OpenEnumeration? enumeration;
        lock (_lock)
        {
            if (_enumerations.Remove(enumerationId, out enumeration)) _lastActiveTimestamp = _shared.TimeProvider.GetTimestamp();
        }

        if (enumeration is not null) await enumeration.DisposeAsync();
        return null;
    }

    private ValueTask<object?> StartEnumerationAsync(IAsyncEnumerableRequest request, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var enumeration = new OpenEnumeration(request.StartEnumeration(GrainInstance!, source.Token), source);
        var id = Messaging.Ids.Next();
        lock (_lock) _enumerations[id] = enumeration;
        return NextBatchAsync(id);
    }

    private async Task DisposeEnumerationsAsync()
    {
        long[] ids;
        lock (_lock) ids = [.. _enumerations.Keys];
        foreach (var id in ids) await DisposeEnumerationAsync(id);
    }

    private sealed class OpenEnumeration(IAsyncEnumerator<object?> enumerator, CancellationTokenSource cancellation) : IAsyncDisposable
    {
        public IAsyncEnumerator<object?> Enumerator { get; } = enumerator;

        public ValueTask<bool>? PendingMove { get; set; }

        public ValueTask<bool>? TakePendingMove()
        {
            var pending = PendingMove;
            PendingMove = null;
            return pending;
        }

        public async ValueTask DisposeAsync()
        {
            await cancellation.CancelAsync();
            if (PendingMove is { } pending)
            {
                try
                {
                    await pending;
                }
                catch (OperationCanceledException)
                {
                    // Expected: the producer was cancelled.
                }
            }

            await Enumerator.DisposeAsync();
            cancellation.Dispose();
        }
    }
}
