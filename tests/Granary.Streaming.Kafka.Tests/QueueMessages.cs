using System.Globalization;
using Granary.Streaming.Providers;
using Granary.Streams;

namespace Granary.Streaming.Kafka.Tests;

/// <summary>Queue messages for tests that drive the adapter without a silo: event ids "0", "1", ... and one payload byte each.</summary>
internal static class QueueMessages
{
    public static QueueMessage[] Create(StreamId streamId, int count) => [.. Enumerable.Range(0, count).Select(i => new QueueMessage(
        streamId, StreamEventKind.Item, i.ToString(CultureInfo.InvariantCulture), "Int32", "application/x-granary", new byte[] { (byte)i },
        new Dictionary<string, string>(), DateTimeOffset.UtcNow))];
}
