using System.Text;
using Confluent.Kafka;
using Shop.Events;

namespace Shop.Api.Tests.Kafka;

/// <summary>Reads the shop's <c>orders</c> topic with a plain Confluent consumer that knows nothing of Orleans.</summary>
internal static class OrdersTopic
{
    /// <summary>The first message of <paramref name="key"/> whose event-type header is <paramref name="eventType"/>, reading every partition from the start.</summary>
    public static ConsumeResult<string, byte[]> Find(string bootstrapServers, int partitions, string key, string eventType, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = "shop-kafka-tests.reader", FetchWaitMaxMs = 5, EnableAutoCommit = false,
        }).Build();
        // Every partition: the test does not assume which one the partitioner picked for the key.
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(ShopStreams.Orders, p, Offset.Beginning)));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is { } message && message.Key == key && result.Header("event-type") == eventType)
                return result;
        }

        throw new TimeoutException($"No {eventType} event with key {key} on topic {ShopStreams.Orders} within {timeout}.");
    }

    public static string Header(this ConsumeResult<string, byte[]> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : $"(no {name} header)";
}
