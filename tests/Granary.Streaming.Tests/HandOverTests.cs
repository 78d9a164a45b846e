using System.Diagnostics.Metrics;
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

    [Fact]
    public async Task Published_and_delivered_events_are_counted_on_the_granary_meter()
    {
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Granary" && instrument.Name.StartsWith("granary.stream", StringComparison.Ordinal)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // Other test classes run clusters in parallel in this process: count only this provider's events.
            var ours = false;
            foreach (var tag in tags) ours |= tag.Key == "granary.stream.provider" && (string?)tag.Value == "metrics";
            if (!ours) return;
            counts.AddOrUpdate(instrument.Name, value, (_, n) => n + value);
            if (instrument.Name == "granary.stream.events.delivered") delivered.TrySetResult();
        });
        listener.Start();

        await using var cluster = await TestCluster.StartAsync(silo => silo.AddMemoryStreams("metrics"));
        await cluster.Client.GetStreamProvider("metrics").GetStream<int>(CountedGrain.Namespace, "k").OnNextAsync(1);
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, counts["granary.stream.events.published"]);
        Assert.Equal(1, counts["granary.stream.events.delivered"]);
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

public interface ICountedGrain : IGrainWithStringKey
{
    Task Ping();
}

[ImplicitStreamSubscription(Namespace)]
public sealed class CountedGrain : Grain, ICountedGrain
{
    public const string Namespace = "counted";

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        this.GetStreamProvider("metrics").GetStream<int>(Namespace, this.GetPrimaryKeyString())
            .SubscribeAsync((_, _) => Task.CompletedTask, cancellationToken: cancellationToken);

    public Task Ping() => Task.CompletedTask;
}
