using Granary.Runtime.Tests.Grains;
using Granary.Testing;

namespace Granary.Runtime.Tests.Cluster;

/// <summary>Several silos over real TCP on loopback, sharing one membership table.</summary>
public sealed class MultiSiloTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var options = ClusterFixture.Options(_probe);
        options.InitialSilos = 3;
        _cluster = await TestCluster.StartAsync(options);
        await WaitUntilEverySiloSees(3);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Grains_spread_over_the_silos_and_each_is_active_on_exactly_one()
    {
        var grains = Enumerable.Range(0, 60).Select(i => _cluster.GrainFactory.GetGrain<ITurnGrain>($"spread-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.InstanceId()));
        foreach (var grain in grains)
        {
            Assert.Equal(1, _cluster.Silos.Count(s => s.HasActivation(grain.GetGrainId())));
        }

        Assert.All(_cluster.Silos, silo => Assert.True(silo.ActivationCount > 0, $"{silo} got no activation"));
    }

    [Fact]
    public async Task Concurrent_first_calls_from_every_silo_reach_one_activation()
    {
        var calls = _cluster.Silos.SelectMany(silo => Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => silo.Client.GetGrain<ITurnGrain>("contended").InstanceId()))).ToArray();
        var ids = await Task.WhenAll(calls);
        Assert.Single(ids.Distinct());
        Assert.Equal(1, _cluster.Silos.Count(s => s.HasActivation(_cluster.GrainFactory.GetGrain<ITurnGrain>("contended").GetGrainId())));
    }

    [Fact]
    public async Task Calls_between_grains_on_different_silos_keep_request_context_and_call_chains()
    {
        RequestContext.Set("tenant", "remote");
        try
        {
            var viaKeys = Enumerable.Range(0, 10).Select(i => $"ctx-b-{i}");
            foreach (var key in viaKeys) Assert.Equal("remote", await _cluster.GrainFactory.GetGrain<IContextGrain>($"ctx-a-{key}").ReadVia(key, "tenant"));
        }
        finally
        {
            RequestContext.Remove("tenant");
        }

        for (var i = 0; i < 10; i++)
        {
            var failure = await Assert.ThrowsAsync<DeadlockException>(() => _cluster.GrainFactory.GetGrain<IChainGrain>($"x-a-{i}").RoundTrip($"x-b-{i}", allowReentry: false));
            // Across silos the exception keeps its type and message (which names the chain); custom properties stay behind.
            Assert.Contains($"chain/x-a-{i} -> chain/x-b-{i}", failure.Message);
        }
    }

    [Fact]
    public async Task Exceptions_and_enumerations_cross_silos()
    {
        for (var i = 0; i < 6; i++)
        {
            var grain = _cluster.Silos[i % 3].Client.GetGrain<IReturnKindsGrain>($"remote-kinds-{i}");
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Throw("far away"));
            Assert.Equal("far away", failure.Message);
            var items = new List<int>();
            await foreach (var item in grain.Range(230, $"remote-enum-{i}")) items.Add(item);
            Assert.Equal(Enumerable.Range(0, 230), items);
        }
    }

    [Fact]
    public async Task An_external_client_calls_grains_through_a_gateway_and_receives_observer_calls()
    {
        var client = await _cluster.ConnectClientAsync();
        Assert.Equal(7, await client.GetGrain<ICounterGrain>("external").Add(7));
        Assert.Equal(7, await _cluster.Silos[2].Client.GetGrain<ICounterGrain>("external").Get());

        var observer = new RecordingObserver();
        var room = client.GetGrain<IRoomGrain>("external-room");
        await room.Join(client.CreateObjectReference<IChatObserver>(observer));
        Assert.Equal(1, await _cluster.Silos[1].Client.GetGrain<IRoomGrain>("external-room").Say("hi from a silo"));
        Assert.Equal(["hi from a silo"], observer.Received);
    }

    [Fact]
    public async Task A_silo_observer_is_called_from_grains_on_other_silos()
    {
        var observer = new RecordingObserver();
        var reference = _cluster.Silos[1].Client.CreateObjectReference<IChatObserver>(observer);
        for (var i = 0; i < 6; i++)
        {
            var room = _cluster.GrainFactory.GetGrain<IRoomGrain>($"silo-room-{i}");
            await room.Join(reference);
            await room.Say($"m{i}");
        }

        Assert.Equal(6, observer.Received.Count);
    }

    private async Task WaitUntilEverySiloSees(int active) =>
        await Eventually.True(() => _cluster.Silos.All(s => s.ActiveSiloCount == active), $"every silo sees {active} active silos");

    private sealed class RecordingObserver : IChatObserver
    {
        private readonly List<string> _received = [];

        public IReadOnlyList<string> Received
        {
            get
            {
                lock (_received) return [.. _received];
            }
        }

        public Task Receive(string message)
        {
            lock (_received) _received.Add(message);
            return Task.CompletedTask;
        }
    }
}
