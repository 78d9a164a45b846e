using Granary.Hosting;
using Granary.Streaming.Providers;
using Granary.Streams;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Streaming.Tests;

/// <summary>
/// Partition ownership through the balancer seam: a partition given up mid-batch is not committed, so its
/// next owner delivers the batch again with the same tokens (at-least-once across a hand-over).
/// </summary>
public sealed class HandOverTests
{
    [Fact]
    public async Task A_batch_abandoned_by_a_released_partition_is_delivered_again_with_the_same_token()
    {
        var gate = new HandOverGate();
        var balancer = new ManualBalancer();
        await using var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            ConfigureSilo = silo => silo
                .AddMemoryStreams("handover", o => { o.Partitions = 1; o.DeliveryRetryDelay = TimeSpan.Zero; })
                .UseStreamPartitionBalancer<ManualBalancer>(),
            ConfigureServices = services => services.AddSingleton(gate).AddSingleton(balancer),
        });
        var owner = await balancer.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await owner.AcquireAsync([0], CancellationToken.None);

        await cluster.Client.GetStreamProvider("handover").GetStream<int>(HandOverGrain.Namespace, "k").OnNextAsync(2);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Give the partition up without waiting for the batch in hand: nothing is committed.
        using (var abandon = new CancellationTokenSource())
        {
            await abandon.CancelAsync();
            await owner.ReleaseAsync([0], abandon.Token);
        }

        gate.Open.TrySetResult();
        await owner.AcquireAsync([0], CancellationToken.None);
        var tokens = await gate.WaitForDeliveries(2);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.Empty(cluster.Services.GetDeadLetters("handover"));
    }
}

/// <summary>A balancer the test drives: it only hands the owner over.</summary>
public sealed class ManualBalancer : IStreamPartitionBalancer
{
    public TaskCompletionSource<IPartitionOwner> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartAsync(string providerName, int partitionCount, IPartitionOwner owner, CancellationToken cancellationToken)
    {
        Started.TrySetResult(owner);
        return Task.CompletedTask;
    }

    public Task StopAsync(string providerName, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class HandOverGate
{
    private readonly List<string> _tokens = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Delivered(StreamSequenceToken? token)
    {
        TaskCompletionSource delivered;
        lock (_lock)
        {
            _tokens.Add(token?.ToString() ?? "none");
            delivered = _delivered;
            _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        delivered.TrySetResult();
    }

    public async Task<List<string>> WaitForDeliveries(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (_tokens.Count >= count) return [.. _tokens];
                next = _delivered.Task;
            }

            await next.WaitAsync(timeout.Token);
        }
    }
}

public interface IHandOverGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>Holds the first delivery until the test opens the gate, as a subscriber busy when its partition moves.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class HandOverGrain : Grain, IHandOverGrain
{
    public const string Namespace = "handover";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var gate = ServiceProvider.GetRequiredService<HandOverGate>();
        var stream = this.GetStreamProvider("handover").GetStream<int>(Namespace, this.GetPrimaryKeyString());
        return stream.SubscribeAsync(async (_, token) =>
        {
            gate.Delivered(token);
            if (gate.Entered.TrySetResult()) await gate.Open.Task;
        }, cancellationToken: cancellationToken);
    }

    public Task Ping() => Task.CompletedTask;
}
