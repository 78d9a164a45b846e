using Granary.Messaging;
using Granary.Runtime;
using Granary.Scheduling;
using Granary.Storage;
using Granary.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Granary.Catalog;

/// <summary>The lifecycle of an activation.</summary>
internal enum ActivationState
{
    /// <summary>Created; activation starts with the first message.</summary>
    Created,

    /// <summary>Constructing the grain, reading state, running OnActivateAsync; messages wait.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Draining: waiting for running work, then OnDeactivateAsync; new messages wait to be forwarded.</summary>
    Deactivating,

    /// <summary>Gone; messages must go to a new activation.</summary>
    Invalid,
}

/// <summary>
/// One activation of a grain: the instance, its queue of waiting work and its turn scheduler. All state
/// transitions happen under <see cref="_lock"/>; grain code runs only on <see cref="_scheduler"/>.
/// </summary>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly Lock _lock = new();
    private readonly SerialTaskScheduler _scheduler = new();
    private readonly ActivationShared _shared;
    private readonly ILogger _logger;
    private readonly List<IStorage> _persistentStates = [];
    private readonly List<GrainTimer> _timers = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivationState _state;
    private long _lastActiveTimestamp;
    private long _keepAliveUntilTimestamp;

    public ActivationData(GrainId grainId, GrainClassInfo grainClass, ActivationShared shared)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        _shared = shared;
        _logger = shared.Logger;
        _lastActiveTimestamp = shared.TimeProvider.GetTimestamp();
    }

    public long ActivationId { get; } = Ids.Next();

    public ILogger Logger => _logger;

    public GrainId GrainId { get; }

    public GrainClassInfo GrainClass { get; }

    public object? GrainInstance { get; private set; }

    public IServiceProvider ActivationServices => _shared.Services;

    public IGrainFactory GrainFactory => _shared.GrainFactory;

    public ActivationState State
    {
        get
        {
            lock (_lock) return _state;
        }
    }

    /// <summary>Requests running or waiting; a stateless worker group sends new work to the least loaded worker.</summary>
    public int Load
    {
        get
        {
            lock (_lock) return _state == ActivationState.Invalid ? int.MaxValue : _running.Count + _waiting.Count;
        }
    }

    /// <summary>Completes when the activation has been deactivated (or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _shared.TimeProvider.GetTimestamp() + (long)(timeSpan.TotalSeconds * _shared.TimeProvider.TimestampFrequency);
        lock (_lock) _keepAliveUntilTimestamp = Math.Max(_keepAliveUntilTimestamp, until);
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, _shared.TimeProvider, callback, state, options);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
                throw new InvalidOperationException($"{GrainId} is deactivating; it cannot register timers.");
            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    /// <summary>Creates a [PersistentState] parameter; called by the grain activator during construction.</summary>
    public IPersistentState<TState> CreatePersistentState<TState>(string stateName, string storageName)
    {
        var storage = _shared.Services.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException(
                $"{GrainClass.ClassType.Name} needs grain storage '{storageName}', which is not registered. Add it with silo.AddMemoryGrainStorage(\"{storageName}\") or another provider.");
        var state = new PersistentState<TState>(stateName, GrainId, storage);
        _persistentStates.Add(state);
        return state;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    /// <summary>True when the activation is valid, has nothing to do, and has been idle for at least <paramref name="age"/>.</summary>
    public bool IsIdleFor(TimeSpan age, long now)
    {
        lock (_lock)
        {
            return _state == ActivationState.Valid && _running.Count == 0 && _waiting.Count == 0 && _enumerations.Count == 0
                && now >= _keepAliveUntilTimestamp && _shared.TimeProvider.GetElapsedTime(_lastActiveTimestamp, now) >= age;
        }
    }

    public override string ToString() => $"[Activation {GrainId} #{ActivationId} {_state}]";
}
