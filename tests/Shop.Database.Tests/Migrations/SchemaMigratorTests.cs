using Shop.Database.Tests.Infrastructure;

namespace Shop.Database.Tests.Migrations;

public sealed class SchemaMigratorTests
{
    public static TheoryData<int> EarlierVersions()
    {
        var versions = new TheoryData<int>();
        for (var version = 0; version < SchemaMigrator.LatestVersion; version++)
        {
            versions.Add(version);
        }

        return versions;
    }

    [Fact]
    public async Task A_second_run_applies_nothing_and_changes_nothing()
    {
        await using var schema = TestSchema.New("twice");

        var first = await SchemaMigrator.MigrateAsync(schema.ConnectionString);
        var afterFirst = await schema.FingerprintAsync();
        var second = await SchemaMigrator.MigrateAsync(schema.ConnectionString);

        Assert.Equal((0, SchemaMigrator.LatestVersion), (first.PreviousVersion, first.CurrentVersion));
        Assert.Equal(SchemaMigrator.Migrations, first.Applied);
        Assert.Equal(schema.Name, first.Schema);
        Assert.Empty(second.Applied);
        Assert.Equal((SchemaMigrator.LatestVersion, SchemaMigrator.LatestVersion), (second.PreviousVersion, second.CurrentVersion));
        Assert.Equal(afterFirst, await schema.FingerprintAsync());
        Assert.Equal(SchemaMigrator.LatestVersion, await SchemaMigrator.GetVersionAsync(schema.ConnectionString));
    }

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public async Task Upgrading_from_an_earlier_version_ends_with_the_fresh_schema(int from)
    {
        await using var fresh = await TestSchema.MigratedAsync("fresh");
        await using var upgraded = TestSchema.New("upgrade");

        await SchemaMigrator.MigrateToAsync(upgraded.ConnectionString, from);
        Assert.Equal(from, await SchemaMigrator.GetVersionAsync(upgraded.ConnectionString));
        var result = await SchemaMigrator.MigrateAsync(upgraded.ConnectionString);

        Assert.Equal(from, result.PreviousVersion);
        Assert.Equal(SchemaMigrator.Migrations.Skip(from), result.Applied);
        Assert.Equal(await fresh.FingerprintAsync(), await upgraded.FingerprintAsync());
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_with_a_message_naming_its_version()
    {
        await using var schema = await TestSchema.MigratedAsync("newer");
        var newer = SchemaMigrator.LatestVersion + 1;
        await schema.ExecuteAsync(
            $"INSERT INTO shop_schema_migrations (version, name, checksum) VALUES ({newer}, 'from_the_future', 'x')");

        var error = await Assert.ThrowsAsync<SchemaVersionException>(() => SchemaMigrator.MigrateAsync(schema.ConnectionString));

        Assert.Equal(newer, error.DatabaseVersion);
        Assert.Equal(SchemaMigrator.LatestVersion, error.KnownVersion);
        Assert.Contains($"version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains("from_the_future", error.Message, StringComparison.Ordinal);
        Assert.Contains(schema.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applied_script_that_changed_since_is_refused()
    {
        await using var schema = await TestSchema.MigratedAsync("edited");
        await schema.ExecuteAsync("UPDATE shop_schema_migrations SET checksum = 'edited' WHERE version = 1");

        var error = await Assert.ThrowsAsync<SchemaVersionException>(() => SchemaMigrator.MigrateAsync(schema.ConnectionString));

        Assert.Contains("Migration 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_migrators_at_once_end_with_one_schema()
    {
        await using var fresh = await TestSchema.MigratedAsync("fresh");
        await using var schema = TestSchema.New("race");
        using var start = new SemaphoreSlim(0);

        async Task<SchemaMigrationResult> Run()
        {
            await start.WaitAsync();
            return await SchemaMigrator.MigrateAsync(schema.ConnectionString);
        }

        var runs = new[] { Task.Run(Run), Task.Run(Run) };
        start.Release(2);
        var results = await Task.WhenAll(runs);

        // The lock lets one apply everything; the other finds nothing left to do.
        Assert.Equal(SchemaMigrator.LatestVersion, results.Sum(r => r.Applied.Count));
        Assert.All(results, r => Assert.Equal(SchemaMigrator.LatestVersion, r.CurrentVersion));
        Assert.Equal(await fresh.FingerprintAsync(), await schema.FingerprintAsync());
    }

    [Fact]
    public async Task Every_query_key_the_providers_read_is_installed()
    {
        await using var schema = await TestSchema.MigratedAsync("keys");
        string[] expected =
        [
            // Orleans.Clustering.AdoNet: the 9 required keys and the per-row cleanup 10.4 prefers.
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
            // Orleans.Persistence.AdoNet (DeleteStorageKey serves DeleteStateOnClear).
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
            // Orleans.Reminders.AdoNet.
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];

        var installed = await schema.ScalarAsync<string[]>("SELECT array_agg(QueryKey ORDER BY QueryKey) FROM OrleansQuery");

        Assert.Equal(expected.Order(StringComparer.Ordinal), installed.Order(StringComparer.Ordinal));
    }
}
