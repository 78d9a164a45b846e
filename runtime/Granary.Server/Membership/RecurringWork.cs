namespace Granary.Membership;

/// <summary>
/// One membership activity (probing, refreshing, I-am-alive, cleanup) run every period and on demand, never
/// twice at once. A request that arrives during a run gets one more run right after it: a gossip notice or a
/// connection failure seen mid-run must not be lost, and back-to-back runs keep probing on pace when probes
/// take as long as the period.
/// </summary>
internal sealed class RecurringWork(string name, Func<CancellationToken, Task> work, TimeProvider time, Action<string, Exception> onFailure) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private bool _running;
    private bool _stopped;
    private TaskCompletionSource? _nextRun;
    private TaskCompletionSource? _idle;

    public string Name { get; } = name;

    /// <summary>Runs every <paramref name="period"/>, the first time after <paramref name="firstDue"/>.</summary>
    public void Start(TimeSpan firstDue, TimeSpan period)
    {
        lock (_lock)
        {
            if (_stopped || _timer is not null) return;
            _timer = time.CreateTimer(static state => ((RecurringWork)state!).RunSoon(), this, firstDue, period);
        }
    }

    /// <summary>Asks for a run; the task completes when a run that started after this call has finished.</summary>
    public Task RunSoon()
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            if (_stopped) return Task.CompletedTask;
            done = _nextRun ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_running) return done.Task;
            _running = true;
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = LoopAsync();
        return done.Task;
    }

    /// <summary>Completes when no run is in progress.</summary>
    public Task WhenIdle()
    {
        lock (_lock) return _running ? _idle!.Task : Task.CompletedTask;
    }

    /// <summary>Stops the timer, cancels a run in progress and waits for it to end.</summary>
    public Task StopAsync()
    {
        lock (_lock)
        {
            if (!_stopped)
            {
                _stopped = true;
                _timer?.Dispose();
            }
        }

        _stopping.Cancel();
        return WhenIdle();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stopped = true;
            _timer?.Dispose();
        }

        _stopping.Cancel();
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            TaskCompletionSource run;
            lock (_lock)
            {
                run = _nextRun!;
                _nextRun = null;
            }

            try
            {
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped mid-run.
            }
            catch (Exception exception)
            {
                onFailure(Name, exception);
            }

            run.TrySetResult();
            TaskCompletionSource idle;
            lock (_lock)
            {
                if (_nextRun is not null && !_stopped) continue;
                _nextRun?.TrySetResult();
                _nextRun = null;
                _running = false;
                idle = _idle!;
            }

            idle.TrySetResult();
            return;
        }
    }
}
