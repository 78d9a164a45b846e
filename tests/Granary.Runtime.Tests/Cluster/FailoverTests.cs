using System.Diagnostics;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;

namespace Granary.Runtime.Tests.Cluster;

/// <summary>Silos that die or leave: their grains must come back elsewhere, with no duplicate activation.</summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task Grains_of_a_killed_silo_are_callable_again_on_the_survivors()
    {
        var options = ClusterFixture.Options(new Probe());
        options.InitialSilos = 3;
        await using var cluster = await TestCluster.StartAsync(options);
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 3), "three active silos");
        var grains = Enumerable.Range(0, 30).Select(i => cluster.GrainFactory.GetGrain<ITurnGrain>($"failover-{i}")).ToArray();
        var before = await Task.WhenAll(grains.Select(g => g.InstanceId()));

        var victim = cluster.Silos.First(s => s != cluster.Primary && s.ActivationCount > 0);
        var victims = grains.Where(g => victim.HasActivation(g.GetGrainId())).ToArray();
        var watch = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);

        var after = await Task.WhenAll(victims.Select(CallUntilAnsweredAsync));
        watch.Stop();
        Assert.All(after, id => Assert.DoesNotContain(id, before));
        foreach (var grain in grains) Assert.Equal(1, cluster.Silos.Count(s => s.HasActivation(grain.GetGrainId())));
        Console.WriteLine($"Failover of {victims.Length} grains took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_silo_leaving_gracefully_hands_its_grains_over()
    {
        var options = ClusterFixture.Options(new Probe());
        options.InitialSilos = 2;
        await using var cluster = await TestCluster.StartAsync(options);
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2), "two active silos");
        var grains = Enumerable.Range(0, 20).Select(i => cluster.GrainFactory.GetGrain<ICounterGrain>($"leave-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Add(1)));
        var leaving = cluster.Silos[1];

        await cluster.StopSiloAsync(leaving);
        var results = await Task.WhenAll(grains.Select(g => g.Get().AsTask()));
        Assert.All(results, value => Assert.InRange(value, 0, 1));
        Assert.Equal(20, cluster.Primary.ActivationCount);
    }

    [Fact]
    public async Task Calls_made_while_a_silo_leaves_all_succeed()
    {
        var options = ClusterFixture.Options(new Probe());
        options.InitialSilos = 2;
        await using var cluster = await TestCluster.StartAsync(options);
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2), "two active silos");
        var grains = Enumerable.Range(0, 20).Select(i => cluster.GrainFactory.GetGrain<ICounterGrain>($"leave-load-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Add(1)));
        var leaving = cluster.Silos[1];
        Assert.True(leaving.ActivationCount > 0, "the leaving silo hosts nothing, so its leave would prove nothing");

        // Callers keep going through the whole leave, so some calls are in flight at every step of it.
        using var stop = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var calls = 0;
        var callers = grains.Select(grain => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await grain.Add(1);
                    Interlocked.Increment(ref calls);
                }
                catch (Exception exception)
                {
                    failures.Add(exception);
                }
            }
        })).ToArray();

        await Eventually.True(() => Volatile.Read(ref calls) > 200, "calls flowing before the leave");
        await cluster.StopSiloAsync(leaving);
        var afterLeave = Volatile.Read(ref calls);
        await Eventually.True(() => Volatile.Read(ref calls) > afterLeave + 200, "calls flowing after the leave");
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls + failures.Count} calls failed; first: {failures.FirstOrDefault()}");
        Assert.Equal(20, cluster.Primary.ActivationCount);
    }

    [Fact]
    public async Task A_new_silo_receives_new_activations()
    {
        var options = ClusterFixture.Options(new Probe());
        await using var cluster = await TestCluster.StartAsync(options);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => cluster.GrainFactory.GetGrain<ICounterGrain>($"before-join-{i}").Add(1)));
        var joined = await cluster.AddSiloAsync();
        await Eventually.True(() => cluster.Silos.All(s => s.ActiveSiloCount == 2), "two active silos");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => cluster.GrainFactory.GetGrain<ICounterGrain>($"after-join-{i}").Add(1)));
        Assert.True(joined.ActivationCount > 0, "the new silo got no activation");
    }

    // Until the failure is detected a call may time out or find the silo unavailable; callers retry, as a client would.
    private static async Task<Guid> CallUntilAnsweredAsync(ITurnGrain grain)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await grain.InstanceId().WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException && deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
            }
        }
    }
}
