using Granary.Runtime;

namespace Granary.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<Guid> InstanceId();

    Task DeactivateSoon();

    Task KeepAliveFor(TimeSpan time);

    Task StartTimer(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool interleave);

    Task StopTimer();

    Task<int> Ticks();

    Task Hold(string gate);
}

/// <summary>Reports activation, deactivation and timer ticks to the probe under its key.</summary>
public sealed class LifecycleGrain(Probe probe) : Grain, ILifecycleGrain
{
    private readonly Guid _instanceId = Guid.NewGuid();
    private Timers.IGrainTimer? _timer;
    private int _ticks;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Increment($"activated:{Key}");
        probe.Record($"{Key}:activate");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"{Key}:deactivate:{reason.ReasonCode}");
        probe.Signal($"deactivated:{Key}:{probe.Increment($"deactivated:{Key}")}");
        return Task.CompletedTask;
    }

    public Task<Guid> InstanceId() => Task.FromResult(_instanceId);

    public Task DeactivateSoon()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task KeepAliveFor(TimeSpan time)
    {
        DelayDeactivation(time);
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool interleave)
    {
        _timer = this.RegisterGrainTimer(
            async ct =>
            {
                await Task.Yield();
                var tick = ++_ticks;
                probe.Record($"{Key}:tick:{tick}");
                probe.Signal($"tick:{Key}:{tick}");
            },
            new Timers.GrainTimerCreationOptions(dueTime, period) { KeepAlive = keepAlive, Interleave = interleave });
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task Hold(string gate) => probe.Pass(gate);
}

public interface ILongLivedGrain : IGrainWithStringKey
{
    Task Touch();
}

[CollectionAgeLimit(Minutes = 30)]
public sealed class LongLivedGrain(Probe probe) : Grain, ILongLivedGrain
{
    public Task Touch() => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Signal($"deactivated:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }
}
