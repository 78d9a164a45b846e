using Microsoft.Extensions.DependencyInjection;
using Shop.Database.Tests.Grains;
using Shop.Database.Tests.Infrastructure;

namespace Shop.Database.Tests.Contracts;

/// <summary>Orleans' AdoNetReminderTable on the schema: through a grain's reminder, and through IReminderTable.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReminderContractTests(ClusterFixture cluster)
{
    private IReminderTable Table => cluster.Primary.Services.GetRequiredService<IReminderTable>();

    [Fact]
    public async Task A_reminder_registers_fires_and_unregisters()
    {
        var key = $"alarm-{Guid.NewGuid():N}";
        var grain = cluster.Primary.Grains().GetGrain<IAlarmGrain>(key);
        var grainId = grain.GetGrainId();

        await grain.Start(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
        var row = await Table.ReadRow(grainId, AlarmGrain.ReminderName);
        Assert.NotNull(row);
        Assert.Equal(TimeSpan.FromSeconds(1), row.Period);
        Assert.Equal(1L, await cluster.Schema.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminder WHERE service_id = @service AND grain_id = @grain",
            ("service", cluster.ServiceId), ("grain", grainId.ToString())));

        await Eventually.MatchAsync(grain.Fired, fired => fired >= 2, "the reminder to fire twice");

        await grain.Stop();
        Assert.Null(await Table.ReadRow(grainId, AlarmGrain.ReminderName));
    }

    [Fact]
    public async Task Reminders_of_another_service_are_invisible()
    {
        var grainId = GrainId.Create("alarm", $"scoped-{Guid.NewGuid():N}");
        await Table.UpsertRow(new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = "r",
            StartAt = DateTime.UtcNow.AddHours(1),
            Period = TimeSpan.FromDays(1),
        });

        Assert.NotNull(await Table.ReadRow(grainId, "r"));
        await cluster.Schema.ExecuteAsync(
            $"UPDATE orleans_reminder SET service_id = 'another-service' WHERE grain_id = '{grainId}'");

        Assert.Null(await Table.ReadRow(grainId, "r"));
        Assert.Empty((await Table.ReadRows(grainId)).Reminders);
        Assert.DoesNotContain((await Table.ReadRows(0, 0)).Reminders, r => r.GrainId == grainId);
    }

    [Fact]
    public async Task Upsert_read_by_grain_and_ring_range_and_etag_checked_delete()
    {
        var grainId = GrainId.Create("alarm", $"direct-{Guid.NewGuid():N}");
        var entry = new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = "r",
            StartAt = DateTime.UtcNow.AddHours(1),
            Period = TimeSpan.FromDays(30),
        };

        var first = await Table.UpsertRow(entry);
        var second = await Table.UpsertRow(entry);
        Assert.NotEqual(first, second);

        var read = Assert.Single((await Table.ReadRows(grainId)).Reminders);
        Assert.Equal(second, read.ETag);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal(entry.StartAt.Ticks / 10, read.StartAt.Ticks / 10);

        var hash = grainId.GetUniformHashCode();
        Assert.Contains((await Table.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == grainId);
        Assert.DoesNotContain((await Table.ReadRows(hash, hash + 1)).Reminders, r => r.GrainId == grainId);
        // A range that wraps around the ring, and the whole ring.
        Assert.Contains((await Table.ReadRows(hash + 1, hash)).Reminders, r => r.GrainId == grainId);
        Assert.Contains((await Table.ReadRows(hash, hash)).Reminders, r => r.GrainId == grainId);

        Assert.False(await Table.RemoveRow(grainId, "r", first!));
        Assert.True(await Table.RemoveRow(grainId, "r", second!));
        Assert.Null(await Table.ReadRow(grainId, "r"));
    }
}
