using System.Diagnostics;
using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>The publisher's W3C trace context travels in the traceparent header to the subscriber's request context.</summary>
[Collection(SharedKafkaCollection.Name)]
public sealed class TracingTests(SharedKafkaCluster kafka)
{
    [Fact]
    public async Task The_subscriber_sees_the_trace_of_the_publisher()
    {
        var key = "trace-" + Guid.NewGuid().ToString("N");
        List<Activity> published = [];
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KafkaStreamsTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (published) published.Add(activity);
            },
        };
        ActivitySource.AddActivityListener(listener);

        ActivityTraceId traceId;
        using (var request = new Activity("checkout").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceId = request.TraceId;
            await kafka.Stream(TestStreams.Orders, key).OnNextAsync(new TestEvent("traced"));
        }

        await EffectLog.For(key).WaitForCount(1);
        Activity publish;
        lock (published) publish = Assert.Single(published, a => a.TraceId == traceId);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        var delivered = Assert.Single(EffectLog.For(key).TraceParents);
        Assert.Equal($"00-{traceId}-{publish.SpanId}-01", delivered);
    }
}
