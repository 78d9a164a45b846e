using System.Collections.Concurrent;

namespace Granary.Scheduling;

/// <summary>
/// Runs its tasks one at a time, in order, on the thread pool. Each activation owns one: grain code that
/// awaits resumes here, which is what gives a grain single-threaded turns without locks.
/// </summary>
internal sealed class SerialTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    // Bounds how long one activation holds a pool thread before yielding to others.
    private const int MaxTasksPerDrain = 64;

    [ThreadStatic]
    private static SerialTaskScheduler? _runningOnThisThread;

    private readonly ConcurrentQueue<Task> _tasks = new();
    private int _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>True when the calling thread is currently running a task of this scheduler.</summary>
    public bool IsCurrent => ReferenceEquals(_runningOnThisThread, this);

    /// <summary>Starts <paramref name="work"/> as a turn of this scheduler.</summary>
    public Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    /// <summary>
    /// Starts <paramref name="work"/> as a turn without a task to await: cheaper than <see cref="Run(Func{object?, Task}, object?)"/>
    /// when the work handles its own failures, as activation turns do.
    /// </summary>
    public void Schedule(Func<object?, Task> work, object? state) =>
        _ = Task.Factory.StartNew(work, state, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    /// <summary>Starts <paramref name="work"/> with state as a turn of this scheduler.</summary>
    public Task Run(Func<object?, Task> work, object? state) =>
        Task.Factory.StartNew(work, state, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    protected override void QueueTask(Task task)
    {
        _tasks.Enqueue(task);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    // Inlining is safe only on the thread that is already running this scheduler's turn.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        IsCurrent && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [.. _tasks];

    void IThreadPoolWorkItem.Execute()
    {
        var previous = _runningOnThisThread;
        _runningOnThisThread = this;
        try
        {
            for (var i = 0; i < MaxTasksPerDrain && _tasks.TryDequeue(out var task); i++) TryExecuteTask(task);
        }
        finally
        {
            _runningOnThisThread = previous;
        }

        // Reset, then look again: a task queued between the last dequeue and the reset would otherwise wait forever.
        // The reset must be a full fence: a plain (Volatile.Write) store can be reordered after the IsEmpty read, so
        // a concurrent QueueTask still sees 1 while this thread sees an empty queue, and the task is stranded.
        Interlocked.Exchange(ref _scheduled, 0);
        if (!_tasks.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
