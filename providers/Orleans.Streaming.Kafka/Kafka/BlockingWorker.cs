using System.Collections.Concurrent;

namespace Orleans.Streaming.Kafka.Kafka;

/// <summary>
/// A thread of its own for blocking librdkafka calls (consume, commit, offset queries, flush), run one at a time.
/// On the thread pool they would hold the few threads grains need (two on a two-core machine).
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
        void Execute()
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
        }

        try
        {
            _work.Add(Execute, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            done.SetException(new ObjectDisposedException(_thread.Name, "The worker has stopped."));
        }

        return done.Task;
    }

    public Task RunAsync(Action work, CancellationToken cancellationToken) => RunAsync(() =>
    {
        work();
        return true;
    }, cancellationToken);

    /// <summary>Finishes the queued work, then ends the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        if (Thread.CurrentThread != _thread) _thread.Join();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable()) work();
    }
}
