using Granary.Membership;
using Granary.Runtime;

namespace Granary.Conformance.Membership;

/// <summary>
/// The contract every IMembershipTable must keep: a version row plus a row per silo, every row write conditional
/// on the row's ETag and on the table version. Each provider's test class derives from this; every test uses its
/// own cluster ids, so a database shared between tests is fine.
/// </summary>
public abstract class MembershipTableConformance
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 30, 15, 250, TimeSpan.Zero);
    private static int s_lastPort = 20000;

    /// <summary>A cluster id of this test; a second one tests isolation.</summary>
    protected string ClusterId { get; } = NewClusterId();

    /// <summary>
    /// An initialized table of <paramref name="clusterId"/>. Called twice with one id in a test, it must give two
    /// tables over the same rows (two silos of one cluster).
    /// </summary>
    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId);

    protected static string NewClusterId() => "conformance-" + Guid.NewGuid().ToString("N")[..12];

    protected static SiloAddress NewSilo(long generation = 1) => new("10.1.2.3", Interlocked.Increment(ref s_lastPort), generation);

    protected static MembershipEntry Entry(SiloAddress silo, SiloStatus status = SiloStatus.Joining, DateTimeOffset? iAmAlive = null) => new()
    {
        Silo = silo,
        Status = status,
        StartTime = Start,
        IAmAliveTime = iAmAlive ?? Start,
        SiloName = "silo-" + silo.Port,
        HostName = "host-ü",
        IsGateway = silo.Port % 2 == 0,
    };

    protected static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_new_table_is_empty_and_initializing_again_changes_nothing()
    {
        var table = await CreateTableAsync(ClusterId);
        var first = await table.ReadAllAsync(None);
        Assert.Empty(first.Rows);

        await table.InitializeAsync(None);
        var second = await table.ReadAllAsync(None);
        Assert.Empty(second.Rows);
        Assert.Equal(first.Version, second.Version);
    }

    [Fact]
    public async Task An_inserted_row_reads_back_with_every_field_and_advances_the_version()
    {
        var table = await CreateTableAsync(ClusterId);
        var before = await table.ReadAllAsync(None);
        var entry = Entry(NewSilo(generation: 1_767_225_600_123)) with
        {
            Suspicions = [new SuspicionVote(NewSilo(7), Start.AddSeconds(1)), new SuspicionVote(NewSilo(8), Start.AddSeconds(2))],
        };
        Assert.True(await table.InsertRowAsync(entry, before.Version.Next(), None));

        var after = await table.ReadAllAsync(None);
        Assert.Equal(before.Version.Version + 1, after.Version.Version);
        var row = Assert.Single(after.Rows);
        Assert.False(string.IsNullOrEmpty(row.ETag));
        AssertSameEntry(entry, row.Entry);
    }

    [Fact]
    public async Task Inserting_a_silo_that_has_a_row_is_refused()
    {
        var table = await CreateTableAsync(ClusterId);
        var silo = NewSilo();
        Assert.True(await table.InsertRowAsync(Entry(silo), (await table.ReadAllAsync(None)).Version.Next(), None));

        var read = await table.ReadAllAsync(None);
        Assert.False(await table.InsertRowAsync(Entry(silo, SiloStatus.Active), read.Version.Next(), None));
        var after = await table.ReadAllAsync(None);
        Assert.Equal(read.Version, after.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(after.Rows).Entry.Status);
    }

    [Fact]
    public async Task An_insert_with_a_stale_table_version_is_refused()
    {
        var table = await CreateTableAsync(ClusterId);
        var stale = await table.ReadAllAsync(None);
        Assert.True(await table.InsertRowAsync(Entry(NewSilo()), stale.Version.Next(), None));

        Assert.False(await table.InsertRowAsync(Entry(NewSilo()), stale.Version.Next(), None));
        Assert.False(await table.InsertRowAsync(Entry(NewSilo()), stale.Version.Next().Next(), None));
        Assert.Single((await table.ReadAllAsync(None)).Rows);
    }

    [Fact]
    public async Task An_update_with_the_current_etag_and_version_replaces_the_row_and_changes_its_etag()
    {
        var table = await CreateTableAsync(ClusterId);
        var silo = NewSilo();
        await table.InsertRowAsync(Entry(silo), (await table.ReadAllAsync(None)).Version.Next(), None);
        var read = await table.ReadAllAsync(None);
        var row = Assert.Single(read.Rows);

        var updated = Entry(silo, SiloStatus.Active, Start.AddMinutes(1)) with { Suspicions = [new SuspicionVote(NewSilo(), Start.AddMinutes(1))] };
        Assert.True(await table.UpdateRowAsync(updated, row.ETag, read.Version.Next(), None));

        var after = await table.ReadAllAsync(None);
        var afterRow = Assert.Single(after.Rows);
        Assert.NotEqual(row.ETag, afterRow.ETag);
        Assert.Equal(read.Version.Version + 1, after.Version.Version);
        AssertSameEntry(updated, afterRow.Entry);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var table = await CreateTableAsync(ClusterId);
        var silo = NewSilo();
        await table.InsertRowAsync(Entry(silo), (await table.ReadAllAsync(None)).Version.Next(), None);
        var first = await table.ReadAllAsync(None);
        var staleETag = Assert.Single(first.Rows).ETag;
        Assert.True(await table.UpdateRowAsync(Entry(silo, SiloStatus.Active), staleETag, first.Version.Next(), None));

        var current = await table.ReadAllAsync(None);
        Assert.False(await table.UpdateRowAsync(Entry(silo, SiloStatus.Dead), staleETag, current.Version.Next(), None));
        var after = await table.ReadAllAsync(None);
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Rows).Entry.Status);
    }

    [Fact]
    public async Task An_update_with_a_stale_table_version_is_refused_and_changes_nothing()
    {
        var table = await CreateTableAsync(ClusterId);
        var silo = NewSilo();
        await table.InsertRowAsync(Entry(silo), (await table.ReadAllAsync(None)).Version.Next(), None);
        var stale = await table.ReadAllAsync(None);
        var row = Assert.Single(stale.Rows);
        // Another silo's row changes the table version, not this row's ETag.
        Assert.True(await table.InsertRowAsync(Entry(NewSilo()), stale.Version.Next(), None));

        Assert.False(await table.UpdateRowAsync(Entry(silo, SiloStatus.Dead), row.ETag, stale.Version.Next(), None));
        var after = await table.ReadAllAsync(None);
        Assert.Equal(stale.Version.Version + 1, after.Version.Version);
        Assert.Equal(SiloStatus.Joining, after.Rows.Single(r => r.Entry.Silo == silo).Entry.Status);
    }

    [Fact]
    public async Task Updating_a_missing_row_is_refused()
    {
        var table = await CreateTableAsync(ClusterId);
        var read = await table.ReadAllAsync(None);
        Assert.False(await table.UpdateRowAsync(Entry(NewSilo(), SiloStatus.Active), "1", read.Version.Next(), None));
        Assert.Equal(read.Version, (await table.ReadAllAsync(None)).Version);
    }

    [Fact]
    public async Task Of_concurrent_updaters_presenting_the_same_etag_and_version_exactly_one_wins()
    {
        var table = await CreateTableAsync(ClusterId);
        var other = await CreateTableAsync(ClusterId);
        var silo = NewSilo();
        await table.InsertRowAsync(Entry(silo), (await table.ReadAllAsync(None)).Version.Next(), None);
        var read = await table.ReadAllAsync(None);
        var row = Assert.Single(read.Rows);

        var voters = Enumerable.Range(0, 16).Select(_ => NewSilo()).ToArray();
        var outcomes = await Task.WhenAll(voters.Select(async (voter, i) =>
        {
            await Task.Yield();
            var entry = Entry(silo, SiloStatus.Active) with { Suspicions = [new SuspicionVote(voter, Start)] };
            return await (i % 2 == 0 ? table : other).UpdateRowAsync(entry, row.ETag, read.Version.Next(), None);
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = voters[Array.IndexOf(outcomes, true)];
        var after = await table.ReadAllAsync(None);
        Assert.Equal(read.Version.Version + 1, after.Version.Version);
        Assert.Equal(winner, Assert.Single(Assert.Single(after.Rows).Entry.Suspicions).Suspecter);
    }

    [Fact]
    public async Task Of_concurrent_inserters_presenting_the_same_version_exactly_one_wins()
    {
        var table = await CreateTableAsync(ClusterId);
        var read = await table.ReadAllAsync(None);
        var silos = Enumerable.Range(0, 16).Select(_ => NewSilo()).ToArray();
        var outcomes = await Task.WhenAll(silos.Select(async silo =>
        {
            await Task.Yield();
            return await table.InsertRowAsync(Entry(silo), read.Version.Next(), None);
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(silos[Array.IndexOf(outcomes, true)], Assert.Single((await table.ReadAllAsync(None)).Rows).Entry.Silo);
    }

    [Fact]
    public async Task I_am_alive_changes_only_the_time_not_the_etag_status_or_version()
    {
        var table = await CreateTableAsync(ClusterId);
        var silo = NewSilo();
        await table.InsertRowAsync(Entry(silo, SiloStatus.Active), (await table.ReadAllAsync(None)).Version.Next(), None);
        var read = await table.ReadAllAsync(None);
        var row = Assert.Single(read.Rows);

        var later = Start.AddMinutes(3);
        await table.UpdateIAmAliveAsync(Entry(silo, SiloStatus.Dead, later), None);

        var after = await table.ReadAllAsync(None);
        var afterRow = Assert.Single(after.Rows);
        Assert.Equal(later, afterRow.Entry.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, afterRow.Entry.Status);
        Assert.Equal(row.ETag, afterRow.ETag);
        Assert.Equal(read.Version, after.Version);
        // A vote computed from the earlier read still applies: I-am-alive never makes a conditional write fail.
        Assert.True(await table.UpdateRowAsync(Entry(silo, SiloStatus.Dead), row.ETag, read.Version.Next(), None));
    }

    [Fact]
    public async Task I_am_alive_never_moves_back()
    {
        var table = await CreateTableAsync(ClusterId);
        var silo = NewSilo();
        await InsertAsync(table, Entry(silo, SiloStatus.Active, Start.AddMinutes(5)));

        await table.UpdateIAmAliveAsync(Entry(silo, SiloStatus.Active, Start.AddMinutes(1)), None);

        Assert.Equal(Start.AddMinutes(5), Assert.Single((await table.ReadAllAsync(None)).Rows).Entry.IAmAliveTime);
    }

    [Fact]
    public async Task I_am_alive_of_a_silo_without_a_row_adds_nothing()
    {
        var table = await CreateTableAsync(ClusterId);
        await table.UpdateIAmAliveAsync(Entry(NewSilo(), SiloStatus.Active), None);
        Assert.Empty((await table.ReadAllAsync(None)).Rows);
    }

    [Fact]
    public async Task Cleanup_deletes_only_dead_rows_last_alive_before_the_cutoff()
    {
        var table = await CreateTableAsync(ClusterId);
        var cutoff = Start.AddHours(1);
        var oldDead = NewSilo();
        var recentDead = NewSilo();
        var oldActive = NewSilo();
        var oldJoining = NewSilo();
        await InsertAsync(table, Entry(oldDead, SiloStatus.Dead, cutoff.AddSeconds(-1)));
        await InsertAsync(table, Entry(recentDead, SiloStatus.Dead, cutoff.AddSeconds(1)));
        await InsertAsync(table, Entry(oldActive, SiloStatus.Active, cutoff.AddHours(-5)));
        await InsertAsync(table, Entry(oldJoining, SiloStatus.Joining, cutoff.AddHours(-5)));

        await table.CleanupDefunctSiloEntriesAsync(cutoff, None);

        var left = (await table.ReadAllAsync(None)).Rows.Select(r => r.Entry.Silo).ToHashSet();
        Assert.Equal(new[] { recentDead, oldActive, oldJoining }, left.Order());
    }

    [Fact]
    public async Task Rows_and_versions_of_two_clusters_are_isolated()
    {
        var mine = await CreateTableAsync(ClusterId);
        var theirs = await CreateTableAsync(NewClusterId());
        var silo = NewSilo();
        await InsertAsync(mine, Entry(silo, SiloStatus.Dead, Start.AddDays(-30)));
        var theirsBefore = await theirs.ReadAllAsync(None);

        // The same silo address may be in both clusters; the other cluster's version is not advanced.
        Assert.Empty(theirsBefore.Rows);
        await InsertAsync(theirs, Entry(silo, SiloStatus.Active));
        await theirs.CleanupDefunctSiloEntriesAsync(Start, None);
        Assert.Single((await mine.ReadAllAsync(None)).Rows);
        await mine.CleanupDefunctSiloEntriesAsync(Start, None);
        Assert.Empty((await mine.ReadAllAsync(None)).Rows);
        Assert.Equal(SiloStatus.Active, Assert.Single((await theirs.ReadAllAsync(None)).Rows).Entry.Status);

        await theirs.DeleteMembershipTableEntriesAsync(None);
        await InsertAsync(mine, Entry(NewSilo()));
        Assert.Empty((await theirs.ReadAllAsync(None)).Rows);
        Assert.Single((await mine.ReadAllAsync(None)).Rows);
    }

    [Fact]
    public async Task Deleting_the_entries_removes_the_rows_and_keeps_the_version_going_forward()
    {
        var table = await CreateTableAsync(ClusterId);
        await InsertAsync(table, Entry(NewSilo()));
        await InsertAsync(table, Entry(NewSilo()));
        var before = await table.ReadAllAsync(None);

        await table.DeleteMembershipTableEntriesAsync(None);

        var after = await table.ReadAllAsync(None);
        Assert.Empty(after.Rows);
        Assert.True(after.Version.Version >= before.Version.Version);
        Assert.True(await table.InsertRowAsync(Entry(NewSilo()), after.Version.Next(), None));
    }

    private static async Task InsertAsync(IMembershipTable table, MembershipEntry entry)
    {
        var read = await table.ReadAllAsync(None);
        Assert.True(await table.InsertRowAsync(entry, read.Version.Next(), None));
    }

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(
            (expected.Silo, expected.Status, expected.StartTime, expected.IAmAliveTime, expected.SiloName, expected.HostName, expected.IsGateway),
            (actual.Silo, actual.Status, actual.StartTime, actual.IAmAliveTime, actual.SiloName, actual.HostName, actual.IsGateway));
        Assert.Equal(expected.Suspicions, actual.Suspicions);
    }
}
