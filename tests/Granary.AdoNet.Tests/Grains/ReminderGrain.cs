using Granary.Runtime;
using Granary.Serialization;

namespace Granary.AdoNet.Tests.Grains;

[GenerateSerializer]
public sealed class TicksState
{
    [Id(0)]
    public int Ticks { get; set; }
}

public interface IDurableReminderGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    Task<int> Ticks();
}

/// <summary>Counts its ticks durably and reports each as <c>tick:key:n</c> with the time it was delivered.</summary>
public sealed class DurableReminderGrain(Probe probe, [PersistentState("ticks", "pg")] IPersistentState<TicksState> ticks) : Grain, IDurableReminderGrain, IRemindable
{
    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public Task<int> Ticks() => Task.FromResult(ticks.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.Ticks++;
        await ticks.WriteStateAsync();
        var key = this.GetPrimaryKeyString();
        probe.Increment($"tick:{key}");
        probe.Record($"tick:{key}:{ticks.State.Ticks}@{status.CurrentTickTime:HH:mm:ss}");
        probe.Signal($"tick:{key}:{ticks.State.Ticks}");
    }
}
