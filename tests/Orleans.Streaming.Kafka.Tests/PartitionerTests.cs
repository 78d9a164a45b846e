using System.Text;
using Orleans.Streaming.Kafka.Kafka;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>Streams go to the partition Kafka's Java client picks for the same key, so outside producers agree.</summary>
public sealed class PartitionerTests
{
    [Theory]
    // Vectors of Kafka's own murmur2 test (org.apache.kafka.common.utils.UtilsTest).
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void Murmur2_matches_the_Java_client(string key, int expected) =>
        Assert.Equal(expected, unchecked((int)KafkaPartitioner.Murmur2(Encoding.UTF8.GetBytes(key))));

    [Fact]
    public void The_partition_is_the_positive_hash_modulo_the_count() =>
        // Java: Utils.toPositive(murmur2("foobar")) % 8 == (-790332482 & 0x7fffffff) % 8.
        Assert.Equal((-790332482 & 0x7fffffff) % 8, KafkaPartitioner.Partition("foobar"u8, 8));
}
