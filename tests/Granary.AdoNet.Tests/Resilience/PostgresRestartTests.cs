using System.Collections.Concurrent;
using System.Diagnostics;
using Granary.AdoNet.Tests.Grains;
using Granary.Conformance.Storage;
using Granary.Runtime;
using Granary.Storage;
using Granary.Testing;
using Xunit.Abstractions;

namespace Granary.AdoNet.Tests.Resilience;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresRestartCollection
{
    // Restarting the server breaks every connection of the process: run alone, after the parallel tests.
    public const string Name = "PostgreSQL restart";
}

[Collection(PostgresRestartCollection.Name)]
public sealed class PostgresRestartTests(SchemaFixture schema, ITestOutputHelper output) : IClassFixture<SchemaFixture>
{
    private const int Grains = 8;
    private const int AcksBeforeRestart = 200;
    private const int AcksAfterRestart = 20;

    [Fact]
    public async Task A_restart_under_load_loses_no_acknowledged_write_fails_clearly_and_recovers_without_restarting_the_silo()
    {
        var options = Silo.Options(schema.ConnectionString, "restart");
        options.Configuration["Granary:Storage:pg:Resilience:BreakDuration"] = "00:00:01";
        options.Configuration["Granary:Storage:pg:Resilience:RetryBaseDelay"] = "00:00:00.05";
        await using var cluster = await TestCluster.StartAsync(options);

        var acked = new long[Grains];
        var acksAfter = new int[Grains];
        var errors = new ConcurrentQueue<Exception>();
        var total = 0;
        var loadRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task Load(int i)
        {
            var grain = cluster.GrainFactory.GetGrain<ICounterGrain>($"c{i}");
            while (acksAfter[i] < AcksAfterRestart)
            {
                try
                {
                    var value = await grain.Increment();
                    Assert.True(value > acked[i], $"c{i} acknowledged {value} after {acked[i]}: an acknowledged write was lost.");
                    acked[i] = value;
                    if (restarted.Task.IsCompleted) acksAfter[i]++;
                    if (Interlocked.Increment(ref total) == AcksBeforeRestart) loadRunning.TrySetResult();
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    errors.Enqueue(exception);
                    // Do not spin on an outage: try again once the restart is over.
                    await restarted.Task;
                }
            }
        }

        var load = Task.WhenAll(Enumerable.Range(0, Grains).Select(i => Task.Run(() => Load(i))));
        await loadRunning.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await RestartPostgresAsync();
        restarted.SetResult();
        await load.WaitAsync(TimeSpan.FromSeconds(60));

        output.WriteLine($"{total} acknowledged writes, {errors.Count} failed during the restart");
        foreach (var message in errors.Select(e => $"{e.GetType().Name}: {e.Message}").Distinct().Take(5)) output.WriteLine(message);
        Assert.All(errors, e =>
        {
            var unavailable = Assert.IsType<StorageUnavailableException>(e);
            Assert.Contains("PostgreSQL grain storage 'pg'", unavailable.Message);
        });
        var storage = Postgres.Storage(schema.ConnectionString, "restart");
        for (var i = 0; i < Grains; i++)
        {
            var stored = new GrainState<CounterState>(new CounterState());
            await storage.ReadStateAsync("counter", GrainId.Create("counter", $"c{i}"), stored, CancellationToken.None);
            Assert.Equal(acked[i], stored.State.Value);
        }
    }

    private static async Task RestartPostgresAsync()
    {
        var cluster = (Environment.GetEnvironmentVariable("GRANARY_TEST_POSTGRES_CLUSTER") ?? "15 main").Split(' ');
        using var restart = Process.Start(new ProcessStartInfo("pg_ctlcluster", [cluster[0], cluster[1], "restart"]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("pg_ctlcluster could not be started.");
        var stderr = await restart.StandardError.ReadToEndAsync();
        await restart.WaitForExitAsync();
        Assert.True(restart.ExitCode == 0, $"pg_ctlcluster {cluster[0]} {cluster[1]} restart failed: {stderr}");
    }
}
