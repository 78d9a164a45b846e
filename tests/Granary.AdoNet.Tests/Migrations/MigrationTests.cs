using System.Diagnostics;
using Granary.AdoNet.Tests.Grains;
using Granary.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Granary.AdoNet.Tests.Migrations;

/// <summary>Schema migrations at silo start, the operator path without runtime DDL, and version checks. Each test has a fresh schema.</summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await Postgres.NewSchemaAsync("m");

    public Task DisposeAsync() => Postgres.DropSchemaAsync(_connectionString);

    private Task<long> VersionsAsync() => Postgres.ScalarAsync<long>(_connectionString, "SELECT count(*) FROM granary_schema_version");

    [Fact]
    public async Task Silos_starting_together_migrate_a_fresh_schema_once_and_again_is_a_no_op()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Postgres.MigrateAsync(_connectionString)));
        Assert.Equal(3, await Postgres.ScalarAsync<int>(_connectionString, "SELECT max(version) FROM granary_schema_version"));
        Assert.Equal(3, await VersionsAsync());

        await Postgres.MigrateAsync(_connectionString);
        Assert.Equal(3, await VersionsAsync());
        await using var cluster = await TestCluster.StartAsync(Silo.Options(_connectionString, "migrated", reminders: true));
        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("c").Increment());
    }

    [Fact]
    public async Task A_silo_refuses_to_start_on_a_schema_newer_than_it_understands()
    {
        await Postgres.MigrateAsync(_connectionString);
        await Postgres.ExecuteAsync(_connectionString, "INSERT INTO granary_schema_version (version, description) VALUES (4, 'from a newer silo')");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestCluster.StartAsync(Silo.Options(_connectionString, "newer")));
        Assert.Contains("is at version 4, newer than this silo understands (up to version 3)", failure.Message);
        Assert.Contains("grain storage 'pg'", failure.Message);
    }

    [Fact]
    public async Task With_migrations_off_a_silo_refuses_an_unmigrated_schema_naming_the_scripts()
    {
        var options = Silo.Options(_connectionString, "off");
        options.Configuration["Granary:Storage:pg:ApplyMigrations"] = "false";

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestCluster.StartAsync(options));
        Assert.Contains("is at version 0, but this silo needs version 3", failure.Message);
        Assert.Contains("0001_grain_state.sql, 0002_reminders.sql, 0003_membership.sql", failure.Message);
        Assert.Contains("psql", failure.Message);
        Assert.Equal(0, await Postgres.ScalarAsync<long>(_connectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"));
    }

    [Fact]
    public async Task Operators_apply_the_shipped_scripts_with_psql_and_silos_then_start_without_ddl()
    {
        var scripts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "granary-migrations", "postgresql"), "*.sql").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["0001_grain_state.sql", "0002_reminders.sql", "0003_membership.sql"], scripts.Select(Path.GetFileName));
        for (var round = 0; round < 2; round++)
        {
            foreach (var script in scripts) await PsqlAsync(script);
        }

        Assert.Equal(3, await VersionsAsync());
        var options = Silo.Options(_connectionString, "operator", reminders: true);
        options.Configuration["Granary:Storage:pg:ApplyMigrations"] = "false";
        options.Configuration["Granary:Reminders:AdoNet:ApplyMigrations"] = "false";
        await using var cluster = await TestCluster.StartAsync(options);
        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("c").Increment());
    }

    [Fact]
    public async Task A_missing_connection_string_stops_start_naming_the_setting()
    {
        var options = new TestClusterOptions { ConfigureSilo = silo => Hosting.AdoNetSiloBuilderExtensions.AddAdoNetGrainStorage(silo, "orders") };
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCluster.StartAsync(options));
        Assert.Contains("Granary:Storage:orders:ConnectionString is required", failure.Message);
    }

    private async Task PsqlAsync(string script)
    {
        var settings = new NpgsqlConnectionStringBuilder(_connectionString);
        var start = new ProcessStartInfo("psql", ["-v", "ON_ERROR_STOP=1", "--single-transaction", "-q", "-h", settings.Host!, "-p", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database!, "-f", script])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PGPASSWORD"] = settings.Password;
        start.Environment["PGOPTIONS"] = $"-c search_path={settings.SearchPath}";
        using var psql = Process.Start(start)!;
        var errors = psql.StandardError.ReadToEndAsync();
        await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync();
        Assert.True(psql.ExitCode == 0, $"psql -f {Path.GetFileName(script)} failed: {await errors}");
    }
}
