using System.Diagnostics;
using Granary.Diagnostics;
using Granary.Runtime;
using Granary.Serialization;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Producers;

/// <summary>Turns published items into queue messages: an event id, the item's type name, the payload and the trace context.</summary>
internal static class StreamEventFactory
{
    public static QueueMessage Create(StreamId streamId, StreamEventKind kind, object? item, IStreamPayloadCodec codec, DateTimeOffset now, Activity? publish)
    {
        var headers = new Dictionary<string, string>(2, StringComparer.Ordinal);
        AddTraceContext(headers, publish ?? Activity.Current);
        return new QueueMessage(
            streamId,
            kind,
            Guid.NewGuid().ToString("N"),
            item is null ? "" : TypeNames.GetName(item.GetType()),
            codec.ContentType,
            kind == StreamEventKind.Completed ? ReadOnlyMemory<byte>.Empty : codec.Encode(item),
            headers,
            now);
    }

    private static void AddTraceContext(Dictionary<string, string> headers, Activity? activity)
    {
        if (activity?.Id is { } id)
        {
            headers[GranaryTelemetry.TraceParentKey] = id;
            if (activity.TraceStateString is { } state) headers[GranaryTelemetry.TraceStateKey] = state;
            return;
        }

        // Inside a traced grain call nobody listens to locally: keep the caller's context all the same.
        if (RequestContext.Get(GranaryTelemetry.TraceParentKey) is string parent) headers[GranaryTelemetry.TraceParentKey] = parent;
        if (RequestContext.Get(GranaryTelemetry.TraceStateKey) is string traceState) headers[GranaryTelemetry.TraceStateKey] = traceState;
    }
}
