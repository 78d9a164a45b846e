using System.Collections.Concurrent;

namespace Granary.Streaming.Kafka.Consuming;

/// <summary>
/// A thread of its own for blocking librdkafka calls (consume, commit, offset queries), run one at a time. On the
/// thread pool they would hold its few threads (2 on a 2-core machine) and starve grain calls.
/// </summary>
internal sealed class BlockingWorker : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public BlockingWorker(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                done.SetResult(work());
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                done.SetCanceled(cancellationToken);
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    /// <summary>Finishes the queued work, then ends the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        if (Thread.CurrentThread != _thread) _thread.Join();
        _work.Dispose();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable()) work();
    }
}
