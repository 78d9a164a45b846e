using Granary.Reminders;
using Granary.Serialization;

namespace Granary.Runtime.Tests.Reminders;

public sealed class ReminderWireTests
{
    [Fact]
    public void The_ReceiveReminder_request_round_trips_through_the_wire_format()
    {
        RemindableMetadata.EnsureRegistered();
        var status = new TickStatus(new DateTime(2026, 1, 1, 0, 0, 10, DateTimeKind.Utc), TimeSpan.FromMinutes(1), new DateTime(2026, 1, 1, 0, 1, 10, DateTimeKind.Utc));
        var request = new ReceiveReminderInvokable { Name = "renew", Status = status };

        var copy = Assert.IsType<ReceiveReminderInvokable>(Serializer.Deserialize<object>(Serializer.Serialize<object>(request)));
        Assert.Equal(("renew", status), (copy.Name, copy.Status));
        Assert.Equal(status, Serializer.Deserialize<TickStatus>(Serializer.Serialize(status)));
    }

    [Fact]
    public void The_uniform_grain_hash_is_stable_across_processes()
    {
        // Pinned value (MurmurHash3 x86 32 of "a/b", seed 0): the hash is stored in reminder tables, so it must never change.
        Assert.Equal(GrainId.Create("a", "b").GetUniformHashCode(), GrainId.Create("a", "b").GetUniformHashCode());
        Assert.NotEqual(GrainId.Create("a", "b").GetUniformHashCode(), GrainId.Create("a", "c").GetUniformHashCode());
        Assert.Equal(0x94a89ba7u, GrainId.Create("a", "b").GetUniformHashCode());
    }
}
