using System.Diagnostics;
using System.Diagnostics.Metrics;
using Granary.Diagnostics;

namespace Granary.Streaming.Diagnostics;

/// <summary>Metrics of streams on the Granary meter, tagged by provider and stream namespace.</summary>
internal sealed class StreamInstruments
{
    private readonly Counter<long> _published;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _deadLetters;

    public StreamInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GranaryTelemetry.MeterName);
        _published = meter.CreateCounter<long>("granary.stream.events.published", "{event}", "Events accepted by a stream provider's queue.");
        _delivered = meter.CreateCounter<long>("granary.stream.events.delivered", "{event}", "Events a subscriber acknowledged.");
        _failures = meter.CreateCounter<long>("granary.stream.delivery.failures", "{attempt}", "Deliveries that failed and were retried or dead-lettered.");
        _deadLetters = meter.CreateCounter<long>("granary.stream.dead_letters", "{event}", "Events given up after the maximum delivery attempts.");
    }

    public void Published(string provider, string streamNamespace, int count) => _published.Add(count, Tags(provider, streamNamespace));

    public void Delivered(string provider, string streamNamespace) => _delivered.Add(1, Tags(provider, streamNamespace));

    public void DeliveryFailed(string provider, string streamNamespace) => _failures.Add(1, Tags(provider, streamNamespace));

    public void DeadLettered(string provider, string streamNamespace) => _deadLetters.Add(1, Tags(provider, streamNamespace));

    private static TagList Tags(string provider, string streamNamespace) => new()
    {
        { "granary.stream.provider", provider },
        { "granary.stream.namespace", streamNamespace },
    };
}
