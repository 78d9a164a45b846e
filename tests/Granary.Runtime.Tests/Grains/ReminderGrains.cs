using Granary.Runtime;

namespace Granary.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    Task<bool> Unregister(string name);

    Task<string[]> Names();

    Task<string> InstanceId();

    Task Deactivate();
}

/// <summary>Reports each tick to the probe as <c>reminder:key:name</c> (a counter) and <c>reminder:key:name:n</c> (a signal).</summary>
public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain, IRemindable
{
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Increment($"activated:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Signal($"deactivated:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task<bool> Unregister(string name)
    {
        if (await this.GetReminder(name) is not { } reminder) return false;
        await this.UnregisterReminder(reminder);
        return true;
    }

    public async Task<string[]> Names() => [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public Task<string> InstanceId() => Task.FromResult(_instance);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var counter = $"reminder:{this.GetPrimaryKeyString()}:{reminderName}";
        var n = probe.Increment(counter);
        probe.Record($"{counter}:{n}@{status.CurrentTickTime:HH:mm:ss} first {status.FirstTickTime:HH:mm:ss} every {status.Period} by {_instance} tick #{(status.CurrentTickTime - status.FirstTickTime).Ticks / status.Period.Ticks}");
        probe.Signal($"{counter}:{n}");
        return Task.CompletedTask;
    }
}

/// <summary>A grain whose own interface inherits IRemindable: the generated proxy must carry ReceiveReminder too.</summary>
public interface IRemindableInterfaceGrain : IGrainWithStringKey, IRemindable
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);
}

public sealed class RemindableInterfaceGrain(Probe probe) : Grain, IRemindableInterfaceGrain
{
    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Signal($"interface-reminder:{this.GetPrimaryKeyString()}:{reminderName}:{probe.Increment($"interface-reminder:{this.GetPrimaryKeyString()}:{reminderName}")}");
        return Task.CompletedTask;
    }
}

public interface INotRemindableGrain : IGrainWithStringKey
{
    Task Register(string name);
}

public sealed class NotRemindableGrain : Grain, INotRemindableGrain
{
    public Task Register(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
}
