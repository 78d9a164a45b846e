using System.Diagnostics;
using System.Diagnostics.Metrics;
using Granary.Invocation;
using Granary.Runtime;

namespace Granary.Diagnostics;

/// <summary>Metrics of grain calls and activations, on the Granary meter.</summary>
internal sealed class GrainCallInstruments
{
    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _activations;
    private readonly Counter<long> _activationsCreated;

    public GrainCallInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GranaryTelemetry.MeterName);
        _calls = meter.CreateCounter<long>("granary.grain.calls", "{call}", "Grain calls handled, by grain type, method and outcome.");
        _errors = meter.CreateCounter<long>("granary.grain.errors", "{call}", "Grain calls that ended with an exception.");
        _duration = meter.CreateHistogram<double>("granary.grain.call.duration", "ms", "Time from the start of a request's turn to its response.");
        _activations = meter.CreateUpDownCounter<long>("granary.activations", "{activation}", "Live activations, by grain type.");
        _activationsCreated = meter.CreateCounter<long>("granary.activations.created", "{activation}", "Activations that completed OnActivateAsync.");
    }

    public void RecordCall(GrainType grainType, Invokable request, long startTimestamp, bool failed)
    {
        if (!_calls.Enabled && !_duration.Enabled && !_errors.Enabled) return;
        var grain = new KeyValuePair<string, object?>("granary.grain.type", grainType.Value);
        var method = new KeyValuePair<string, object?>("granary.grain.method", request.MethodName);
        var outcome = new KeyValuePair<string, object?>("granary.outcome", failed ? "error" : "ok");
        _calls.Add(1, grain, method, outcome);
        if (failed) _errors.Add(1, grain, method);
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, grain, method);
    }

    public void ActivationCreated(GrainType grainType)
    {
        var grain = new KeyValuePair<string, object?>("granary.grain.type", grainType.Value);
        _activations.Add(1, grain);
        _activationsCreated.Add(1, grain);
    }

    public void ActivationDestroyed(GrainType grainType) =>
        _activations.Add(-1, new KeyValuePair<string, object?>("granary.grain.type", grainType.Value));
}
