using System.Diagnostics;
using Orleans.Runtime;
using Shop.Events;

namespace Shop.Diagnostics;

/// <summary>
/// The shop's spans, on System.Diagnostics alone (the hosts subscribe by <see cref="ShopDiagnosticNames.ActivitySource"/>).
/// A domain event carries the traceparent of its publish, so its delivery joins the request's trace on any stream
/// provider, whether or not the provider carries Orleans' request context.
/// </summary>
internal static class ShopActivities
{
    private static readonly ActivitySource Source = new(ShopDiagnosticNames.ActivitySource);

    /// <summary>A Producer span around publishing <paramref name="count"/> events to <paramref name="streamId"/>.</summary>
    public static Activity? StartPublish(StreamId streamId, int count)
    {
        var activity = Source.StartActivity($"publish {streamId.GetNamespace()}", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "orleans");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", streamId.GetNamespace());
            activity.SetTag("messaging.batch.message_count", count);
        }

        return activity;
    }

    /// <summary>The traceparent an event published now carries: the publish span's, else the caller's, else none.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// A Consumer span around delivering <paramref name="shopEvent"/> to a grain, a child of the event's publish. When the
    /// stream provider also brought a trace along (Activity.Current), that one is linked rather than lost.
    /// </summary>
    public static Activity? StartDelivery(ShopEvent shopEvent, string streamNamespace)
    {
        var parent = Parse(shopEvent.TraceParent);
        var ambient = Activity.Current;
        ActivityLink[]? links = parent != default && ambient is not null && ambient.TraceId != parent.TraceId ? [new ActivityLink(ambient.Context)] : null;
        var activity = Source.StartActivity($"deliver {streamNamespace}", ActivityKind.Consumer, parent, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "orleans");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", streamNamespace);
            activity.SetTag("messaging.message.id", shopEvent.EventId);
            activity.SetTag("shop.event.type", shopEvent.GetType().Name);
        }

        return activity;
    }

    /// <summary>An Internal span around one webhook delivery round, in the trace of the event's publish.</summary>
    public static Activity? StartWebhookDelivery(string? traceParent, string eventId, Uri url)
    {
        var activity = Source.StartActivity("webhook deliver", ActivityKind.Internal, Parse(traceParent));
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.message.id", eventId);
            // The host only: webhook paths often hold the receiver's secret token.
            activity.SetTag("server.address", url.Host);
        }

        return activity;
    }

    private static ActivityContext Parse(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
}
