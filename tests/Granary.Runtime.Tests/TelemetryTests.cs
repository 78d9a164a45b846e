using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Granary.Diagnostics;
using Granary.Runtime.Tests.Grains;

namespace Granary.Runtime.Tests;

[Collection(DefaultCluster.Name)]
public sealed class TelemetryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Grain_calls_emit_client_and_server_spans_of_one_trace()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GranaryTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using var root = new Activity("test-root").SetIdFormat(ActivityIdFormat.W3C).Start();
        await fixture.Grains.GetGrain<IContextGrain>("traced-a").ReadVia("traced-b", "none");
        root.Stop();

        var ours = spans.Where(s => s.TraceId == root.TraceId).ToArray();
        var clientToA = Assert.Single(ours, s => s.Kind == ActivityKind.Client && (string?)s.GetTagItem("granary.grain.id") == "context/traced-a");
        var serverA = Assert.Single(ours, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("granary.grain.id") == "context/traced-a");
        var clientToB = Assert.Single(ours, s => s.Kind == ActivityKind.Client && (string?)s.GetTagItem("granary.grain.id") == "context/traced-b");
        var serverB = Assert.Single(ours, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("granary.grain.id") == "context/traced-b");
        Assert.Equal(root.SpanId, clientToA.ParentSpanId);
        Assert.Equal(clientToA.SpanId, serverA.ParentSpanId);
        Assert.Equal(serverA.SpanId, clientToB.ParentSpanId);
        Assert.Equal(clientToB.SpanId, serverB.ParentSpanId);
        Assert.Equal("IContextGrain/ReadVia", serverA.DisplayName);
    }

    [Fact]
    public async Task Grain_calls_and_activations_are_counted_per_grain_type()
    {
        var calls = new ConcurrentQueue<(string Instrument, long Value, string? GrainType, string? Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GranaryTelemetry.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? grainType = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "granary.grain.type") grainType = tag.Value as string;
                if (tag.Key == "granary.outcome") outcome = tag.Value as string;
            }

            calls.Enqueue((instrument.Name, value, grainType, outcome));
        });
        listener.Start();

        var grain = fixture.Grains.GetGrain<IReturnKindsGrain>("metered");
        await grain.Text("a");
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Throw("x"));

        Assert.Contains(calls, c => c is { Instrument: "granary.grain.calls", GrainType: "returnkinds", Outcome: "ok" });
        Assert.Contains(calls, c => c is { Instrument: "granary.grain.calls", GrainType: "returnkinds", Outcome: "error" });
        Assert.Contains(calls, c => c is { Instrument: "granary.grain.errors", GrainType: "returnkinds" });
    }
}
