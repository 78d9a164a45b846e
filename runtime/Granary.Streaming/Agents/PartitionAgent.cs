using Granary.Streaming.Providers;
using Microsoft.Extensions.Logging;

namespace Granary.Streaming.Agents;

/// <summary>
/// Reads one owned partition in batches and dispatches each batch; commits the position after a batch only
/// once every subscriber acknowledged (or dead-lettered) every event of it, so a crash or a hand-over
/// re-delivers at most the batch in hand (at-least-once). A rewind moves the read position back for the
/// subscriptions that asked; events before the live end go to those subscriptions only.
/// </summary>
internal sealed partial class PartitionAgent(
    string provider, IQueueReceiver receiver, EventDispatcher dispatcher, Configuration.StreamProviderOptions options, TimeProvider time, ILogger logger)
{
    private readonly RewindState _rewinds = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborting = new();
    private readonly CancellationTokenSource _pauses = new();
    private CancellationTokenSource? _read;
    private Task _loop = Task.CompletedTask;
    private long _next;
    private long _committed;

    public int Partition => receiver.Partition;

    // Retry pauses end when the agent stops: a batch that needs a retry is abandoned uncommitted (the next owner
    // reads it again) rather than holding the stop for a pause, which on a test's manual clock never ends.
    private CancellationToken Pauses => _pauses.Token;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Asks for a rewind; a read waiting for new events is interrupted so it takes effect at once.</summary>
    public void RequestRewind(RewindRequest request)
    {
        _rewinds.Request(request);
        try
        {
            Volatile.Read(ref _read)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The read already finished; the loop sees the request before the next one.
        }
    }

    /// <summary>Forgets a subscription whose registration failed, so it gets no more events.</summary>
    public void CancelRewind(Guid subscriptionId) => _rewinds.Cancel(subscriptionId);

    /// <summary>Stops reading; the batch in hand is finished and committed unless <paramref name="cancellationToken"/> fires first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _pauses.CancelAsync();
        await using (cancellationToken.Register(() => _aborting.Cancel()))
        {
            try
            {
                await _loop;
            }
            catch (Exception exception) when (exception is OperationCanceledException || _stopping.IsCancellationRequested)
            {
                // Aborted or abandoned mid-batch: it was not committed and will be read again by the next owner.
            }
        }

        await receiver.DisposeAsync();
        _stopping.Dispose();
        _aborting.Dispose();
        _pauses.Dispose();
    }

    /// <summary>Stops at once without committing the batch in hand, as a killed process would (the silo's services are going away).</summary>
    public void Abort()
    {
        try
        {
            _stopping.Cancel();
            _pauses.Cancel();
            _aborting.Cancel();
        }
        catch (Exception exception) when (exception is ObjectDisposedException or AggregateException)
        {
            // Already stopped, or a cancellation callback (forwarding a call's cancellation) met the disposed silo.
        }
    }

    private async Task RunAsync()
    {
        _next = _committed = await RetryAsync(ct => receiver.GetCommittedPositionAsync(ct), "read the committed position");
        _rewinds.Start(_next);
        LogStarted(provider, Partition, _next);
        while (!_stopping.IsCancellationRequested)
        {
            _next = _rewinds.Apply(_next, (request, from) => LogRewinding(provider, Partition, request.SubscriptionId, request.From, from));
            var batch = await ReadAsync();
            if (batch is null || batch.Count == 0) continue;
            await DispatchAsync(batch);
            _next = batch[^1].Position + 1;
            _rewinds.Advance(_next);

            if (_next > _committed)
            {
                await RetryAsync(async ct => { await receiver.CommitAsync(_next, ct); return _next; }, "commit");
                _committed = _next;
            }
        }

        LogStopped(provider, Partition, _committed);
    }

    private async Task<IReadOnlyList<QueueRecord>?> ReadAsync()
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        Volatile.Write(ref _read, read);
        try
        {
            // A rewind requested between the check above and publishing the token source would wait a poll otherwise.
            if (_rewinds.HasPending) return null;
            return await receiver.ReadAsync(_next, options.BatchSize, read.Token);
        }
        catch (OperationCanceledException) when (read.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            LogQueueFailed(exception, provider, Partition, "read");
            await DelayAsync(options.QueueRetryDelay, _stopping.Token);
            return null;
        }
        finally
        {
            Volatile.Write(ref _read, null);
        }
    }

    private async Task DispatchAsync(IReadOnlyList<QueueRecord> batch)
    {
        while (true)
        {
            try
            {
                await dispatcher.DispatchAsync(batch, _rewinds, _aborting.Token, Pauses);
                return;
            }
            catch (Exception exception) when (!_aborting.IsCancellationRequested && !_stopping.IsCancellationRequested)
            {
                // Delivery failures are retried and dead-lettered per event; what lands here is the runtime
                // itself failing (the pub-sub registry's storage, say). Try the batch again: at-least-once.
                LogQueueFailed(exception, provider, Partition, "dispatch");
                await Task.Delay(options.QueueRetryDelay, time, Pauses);
            }
        }
    }

    private async Task<long> RetryAsync(Func<CancellationToken, Task<long>> operation, string what)
    {
        while (true)
        {
            try
            {
                return await operation(_aborting.Token);
            }
            catch (Exception exception) when (!_aborting.IsCancellationRequested && !_stopping.IsCancellationRequested)
            {
                LogQueueFailed(exception, provider, Partition, what);
                await Task.Delay(options.QueueRetryDelay, time, Pauses);
            }
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !_aborting.IsCancellationRequested)
        {
            // Stopping: the loop ends at its next check.
        }
    }
}
