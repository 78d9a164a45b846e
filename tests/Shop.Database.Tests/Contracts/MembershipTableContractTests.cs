using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Shop.Database.Tests.Infrastructure;

namespace Shop.Database.Tests.Contracts;

/// <summary>
/// Orleans' own AdoNetClusteringTable against the schema, operation by operation. The session time zone is far
/// from UTC on purpose: a timestamp that went through a zone-less type would come back shifted. Assertions are
/// off in the session, as on many servers: lost races must roll back without relying on ASSERT.
/// </summary>
public sealed class MembershipTableContractTests : IAsyncLifetime
{
    private const int Dead = 6;
    private TestSchema _schema = null!;
    private string _clusterId = "";
    private IMembershipTable _table = null!;

    public async Task InitializeAsync()
    {
        _schema = await TestSchema.MigratedAsync("membership");
        _clusterId = $"cluster-{Guid.NewGuid():N}";
        var connectionString = _schema.ConnectionStringWith(builder =>
        {
            builder.Timezone = "Asia/Kathmandu";
            builder.Options = "-c plpgsql.check_asserts=off";
        });
        _table = CreateTable(connectionString, _clusterId);
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task A_new_cluster_has_no_silos_and_version_zero()
    {
        var table = await _table.ReadAllAsync();

        Assert.Empty(table.Members);
        Assert.Equal(0, table.Version.Version);
    }

    [Fact]
    public async Task Initialising_twice_keeps_the_version_row()
    {
        await _table.InsertRowAsync(Entry(1, SiloStatus.Joining), (await _table.ReadAllAsync()).Version.Next());

        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        Assert.Equal(1, (await _table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Insert_adds_the_row_and_advances_the_version()
    {
        var entry = Entry(1, SiloStatus.Joining);

        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync()).Version.Next()));

        var table = await _table.ReadAllAsync();
        var (stored, etag) = Assert.Single(table.Members);
        Assert.Equal(1, table.Version.Version);
        Assert.Equal(table.Version.VersionEtag, etag);
        AssertSame(entry, stored);
        var row = await _table.ReadRowAsync(entry.SiloAddress);
        AssertSame(entry, Assert.Single(row.Members).Item1);
    }

    [Fact]
    public async Task Insert_with_a_stale_version_or_of_an_existing_row_loses_and_changes_nothing()
    {
        var first = Entry(1, SiloStatus.Joining);
        var stale = (await _table.ReadAllAsync()).Version.Next();
        Assert.True(await _table.InsertRowAsync(first, stale));

        Assert.False(await _table.InsertRowAsync(Entry(2, SiloStatus.Joining), stale));
        Assert.False(await _table.InsertRowAsync(first, (await _table.ReadAllAsync()).Version.Next()));

        var table = await _table.ReadAllAsync();
        Assert.Equal(1, table.Version.Version);
        Assert.Single(table.Members);
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_refused_and_a_current_one_applies()
    {
        var entry = Entry(1, SiloStatus.Joining);
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync()).Version.Next()));
        var (read, etag) = (await _table.ReadAllAsync()).Members[0];
        var stale = new TableVersion(0, "0").Next();

        read.Status = SiloStatus.Active;
        // Orleans writes suspicion times as text with millisecond precision.
        var suspectedAt = DateTime.UtcNow;
        suspectedAt = new DateTime(suspectedAt.Ticks - suspectedAt.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        read.SuspectTimes = [Tuple.Create(SiloAddress.New(IPAddress.Loopback, 2000, 7), suspectedAt)];
        Assert.False(await _table.UpdateRowAsync(read, etag, stale));
        Assert.Equal(SiloStatus.Joining, (await _table.ReadRowAsync(entry.SiloAddress)).Members[0].Item1.Status);

        Assert.True(await _table.UpdateRowAsync(read, etag, (await _table.ReadAllAsync()).Version.Next()));
        var table = await _table.ReadAllAsync();
        Assert.Equal(2, table.Version.Version);
        var updated = table.Members[0].Item1;
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Equal(read.SuspectTimes, updated.SuspectTimes);
    }

    [Fact]
    public async Task Update_of_a_missing_row_loses_without_moving_the_version()
    {
        Assert.False(await _table.UpdateRowAsync(Entry(9, SiloStatus.Active), "0", (await _table.ReadAllAsync()).Version.Next()));

        Assert.Equal(0, (await _table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task I_am_alive_moves_only_the_liveness_time()
    {
        var entry = Entry(1, SiloStatus.Active);
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync()).Version.Next()));

        entry.IAmAliveTime = entry.IAmAliveTime.AddMinutes(3);
        await _table.UpdateIAmAliveAsync(entry);

        var table = await _table.ReadAllAsync();
        Assert.Equal(1, table.Version.Version);
        Assert.Equal(entry.IAmAliveTime, table.Members[0].Item1.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, table.Members[0].Item1.IAmAliveTime.Kind);
    }

    [Fact]
    public async Task Cleanup_deletes_only_dead_silos_not_heard_of_since_the_cutoff()
    {
        var longAgo = Truncated(DateTime.UtcNow.AddHours(-2));
        var deadOld = Entry(1, SiloStatus.Dead, longAgo);
        var activeOld = Entry(2, SiloStatus.Active, longAgo);
        var deadRecent = Entry(3, SiloStatus.Dead);
        foreach (var entry in new[] { deadOld, activeOld, deadRecent })
        {
            Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync()).Version.Next()));
        }

        await _table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        var left = (await _table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal([activeOld.SiloAddress, deadRecent.SiloAddress], left.OrderBy(a => a.Generation));
    }

    [Fact]
    public async Task The_bulk_cleanup_query_applies_the_same_rule()
    {
        // Orleans falls back to CleanupDefunctSiloEntriesKey when the per-row key is absent.
        await using var schema = await TestSchema.MigratedAsync("bulkcleanup");
        await schema.ExecuteAsync("DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        var table = CreateTable(schema.ConnectionString, _clusterId);
        await table.InitializeMembershipTableAsync(true);
        var longAgo = Truncated(DateTime.UtcNow.AddHours(-2));
        foreach (var entry in new[] { Entry(1, SiloStatus.Dead, longAgo), Entry(2, SiloStatus.Active, longAgo) })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(SiloStatus.Active, Assert.Single((await table.ReadAllAsync()).Members).Item1.Status);
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_its_rows_and_version_only()
    {
        var other = CreateTable(_schema.ConnectionString, _clusterId + "-other");
        await other.InitializeMembershipTableAsync(true);
        Assert.True(await other.InsertRowAsync(Entry(1, SiloStatus.Active), (await other.ReadAllAsync()).Version.Next()));
        Assert.True(await _table.InsertRowAsync(Entry(1, SiloStatus.Active), (await _table.ReadAllAsync()).Version.Next()));

        await _table.DeleteMembershipTableEntriesAsync(_clusterId);

        Assert.Equal(0L, await _schema.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @id", ("id", _clusterId)));
        Assert.Equal(0L, await _schema.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @id", ("id", _clusterId)));
        Assert.Single((await other.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Concurrent_inserts_on_one_version_let_exactly_one_win()
    {
        var version = (await _table.ReadAllAsync()).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(g => Task.Run(() => _table.InsertRowAsync(Entry(g, SiloStatus.Joining), version))));

        Assert.Single(results, won => won);
        var table = await _table.ReadAllAsync();
        Assert.Equal(1, table.Version.Version);
        Assert.Single(table.Members);
    }

    internal static IMembershipTable CreateTable(string connectionString, string clusterId) =>
        new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = ShopDatabase.AdoNetInvariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);

    private static MembershipEntry Entry(int generation, SiloStatus status, DateTime? time = null)
    {
        var at = time ?? Truncated(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, 11111, generation),
            SiloName = $"silo-{generation}",
            HostName = "test-host",
            Status = status,
            ProxyPort = 30000,
            StartTime = at,
            IAmAliveTime = at,
        };
    }

    // PostgreSQL keeps microseconds; .NET ticks are 100 ns.
    private static DateTime Truncated(DateTime time) => new(time.Ticks - time.Ticks % 10, DateTimeKind.Utc);

    private static void AssertSame(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
    }
}
