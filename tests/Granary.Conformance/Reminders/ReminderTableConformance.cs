using Granary.Reminders;
using Granary.Runtime;

namespace Granary.Conformance.Reminders;

/// <summary>
/// The contract every IReminderTable must keep. Each provider's test class derives from this and supplies a
/// table; tests use fresh grain ids, so a table shared between tests (or with other rows) is fine.
/// </summary>
public abstract class ReminderTableConformance
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 30, 15, 250, DateTimeKind.Utc);

    protected abstract IReminderTable CreateTable();

    private static GrainId NewGrain(string key = "") => GrainId.Create("reminding", key + Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan? period = null, DateTime? start = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = start ?? Start,
        Period = period ?? TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task Reading_missing_reminders_gives_nothing()
    {
        var table = CreateTable();
        var grain = NewGrain();
        Assert.Null(await table.ReadRowAsync(grain, "none", CancellationToken.None));
        Assert.Empty(await table.ReadRowsAsync(grain, CancellationToken.None));
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_schedule_and_etag()
    {
        var table = CreateTable();
        var grain = NewGrain();
        var eTag = await table.UpsertRowAsync(Entry(grain, "daily", TimeSpan.FromDays(1)), CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(eTag));

        var read = await table.ReadRowAsync(grain, "daily", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal((grain, "daily", Start, TimeSpan.FromDays(1), eTag), (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
    }

    [Fact]
    public async Task Upserting_again_replaces_the_schedule_and_changes_the_etag()
    {
        var table = CreateTable();
        var grain = NewGrain();
        var first = await table.UpsertRowAsync(Entry(grain, "r"), CancellationToken.None);
        var later = Start.AddHours(1);
        var second = await table.UpsertRowAsync(Entry(grain, "r", TimeSpan.FromMinutes(7), later), CancellationToken.None);
        Assert.NotEqual(first, second);

        var read = Assert.Single(await table.ReadRowsAsync(grain, CancellationToken.None));
        Assert.Equal((later, TimeSpan.FromMinutes(7), second), (read.StartAt, read.Period, read.ETag));
    }

    [Fact]
    public async Task Rows_of_a_grain_are_only_that_grains()
    {
        var table = CreateTable();
        var grain = NewGrain();
        var other = NewGrain();
        await table.UpsertRowAsync(Entry(grain, "a"), CancellationToken.None);
        await table.UpsertRowAsync(Entry(grain, "b"), CancellationToken.None);
        await table.UpsertRowAsync(Entry(other, "a"), CancellationToken.None);

        var rows = await table.ReadRowsAsync(grain, CancellationToken.None);
        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task A_hash_range_read_returns_the_rows_in_the_inclusive_range()
    {
        var table = CreateTable();
        var grain = NewGrain();
        var hash = grain.GetUniformHashCode();
        await table.UpsertRowAsync(Entry(grain, "ranged"), CancellationToken.None);

        var exact = await table.ReadRowsAsync(hash, hash, CancellationToken.None);
        Assert.Contains(exact, r => r.GrainId == grain && r.ReminderName == "ranged");
        Assert.All(exact, r => Assert.Equal(hash, r.GrainId.GetUniformHashCode()));

        var all = await table.ReadRowsAsync(uint.MinValue, uint.MaxValue, CancellationToken.None);
        Assert.Contains(all, r => r.GrainId == grain);
        if (hash > 0) Assert.DoesNotContain(await table.ReadRowsAsync(0, hash - 1, CancellationToken.None), r => r.GrainId == grain);
        if (hash < uint.MaxValue) Assert.DoesNotContain(await table.ReadRowsAsync(hash + 1, uint.MaxValue, CancellationToken.None), r => r.GrainId == grain);
    }

    [Fact]
    public async Task Removing_needs_the_current_etag()
    {
        var table = CreateTable();
        var grain = NewGrain();
        var stale = await table.UpsertRowAsync(Entry(grain, "r"), CancellationToken.None);
        var current = await table.UpsertRowAsync(Entry(grain, "r"), CancellationToken.None);

        Assert.False(await table.RemoveRowAsync(grain, "r", stale, CancellationToken.None));
        Assert.NotNull(await table.ReadRowAsync(grain, "r", CancellationToken.None));
        Assert.True(await table.RemoveRowAsync(grain, "r", current, CancellationToken.None));
        Assert.Null(await table.ReadRowAsync(grain, "r", CancellationToken.None));
        Assert.False(await table.RemoveRowAsync(NewGrain(), "never", current, CancellationToken.None));
    }

    [Fact]
    public async Task Unicode_keys_and_names_are_distinct_reminders()
    {
        var table = CreateTable();
        var grain = NewGrain("ключ-🔑-鍵/");
        await table.UpsertRowAsync(Entry(grain, "rappel-é"), CancellationToken.None);
        Assert.Null(await table.ReadRowAsync(grain, "rappel-e", CancellationToken.None));
        var read = await table.ReadRowAsync(grain, "rappel-é", CancellationToken.None);
        Assert.Equal(grain, read?.GrainId);
    }
}
