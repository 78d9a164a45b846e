namespace Orleans.Streaming.Kafka.Kafka;

/// <summary>
/// Kafka's default partitioner for keyed records (the Java client's and librdkafka's murmur2_random): murmur2 of
/// the key bytes, sign bit cleared, modulo the partition count. Streams land where any Kafka producer keying by
/// the same bytes puts them.
/// </summary>
internal static class KafkaPartitioner
{
    public static int Partition(ReadOnlySpan<byte> key, int partitionCount) => (int)((Murmur2(key) & 0x7fffffff) % (uint)partitionCount);

    public static uint Murmur2(ReadOnlySpan<byte> data)
    {
        const uint m = 0x5bd1e995;
        var h = 0x9747b28cu ^ (uint)data.Length;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = (uint)(data[i * 4] | data[(i * 4) + 1] << 8 | data[(i * 4) + 2] << 16 | data[(i * 4) + 3] << 24);
            k *= m;
            k ^= k >> 24;
            k *= m;
            h *= m;
            h ^= k;
        }

        var tail = data[(blocks * 4)..];
        if (tail.Length == 3) h ^= (uint)tail[2] << 16;
        if (tail.Length >= 2) h ^= (uint)tail[1] << 8;
        if (tail.Length >= 1)
        {
            h ^= tail[0];
            h *= m;
        }

        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return h;
    }
}
