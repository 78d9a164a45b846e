using System.Runtime.InteropServices;
using System.Text;

namespace Granary.Kafka.Testing;

/// <summary>
/// librdkafka's in-process mock Kafka cluster (real Kafka protocol on 127.0.0.1), owned by one bare client handle.
/// Every client, kcat included, connects to <see cref="BootstrapServers"/>; none sets test.mock.num.brokers,
/// which would give it a private cluster. Nothing persists beyond the process.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly Lock _lock = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    public KafkaMockCluster(int brokers = 1)
    {
        Brokers = brokers;
        var conf = LibrdkafkaMock.ConfNew();
        var error = new byte[512];
        // The owner handle never connects anywhere; it only hosts the cluster's threads.
        Check(LibrdkafkaMock.ConfSet(conf, "log_level", "3", error, (UIntPtr)error.Length), error);
        _handle = LibrdkafkaMock.New(LibrdkafkaMock.Producer, conf, error, (UIntPtr)error.Length);
        if (_handle == IntPtr.Zero) throw new InvalidOperationException("rd_kafka_new failed: " + Text(error));
        _cluster = LibrdkafkaMock.ClusterNew(_handle, brokers);
        if (_cluster == IntPtr.Zero) throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.ClusterBootstraps(_cluster))!;
    }

    public string BootstrapServers { get; }

    public int Brokers { get; }

    /// <summary>Creates a topic (the mock has no CreateTopics request); creating an existing one fails.</summary>
    public void CreateTopic(string topic, int partitions)
    {
        lock (_lock)
        {
            var error = LibrdkafkaMock.TopicCreate(_cluster, topic, partitions, 1);
            // 36: TOPIC_ALREADY_EXISTS, when options are configured again for the same test.
            if (error is not 0 and not 36) throw new InvalidOperationException($"Creating mock topic {topic} failed with error {error}.");
        }
    }

    /// <summary>Disconnects every broker and refuses new connections until <see cref="SetUp"/>.</summary>
    public void SetDown()
    {
        lock (_lock)
        {
            for (var broker = 1; broker <= Brokers; broker++) LibrdkafkaMock.BrokerSetDown(_cluster, broker);
        }
    }

    public void SetUp()
    {
        lock (_lock)
        {
            for (var broker = 1; broker <= Brokers; broker++) LibrdkafkaMock.BrokerSetUp(_cluster, broker);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_cluster != IntPtr.Zero) LibrdkafkaMock.ClusterDestroy(_cluster);
            if (_handle != IntPtr.Zero) LibrdkafkaMock.Destroy(_handle);
            _cluster = _handle = IntPtr.Zero;
        }
    }

    private static void Check(int result, byte[] error)
    {
        if (result != 0) throw new InvalidOperationException("rd_kafka_conf_set failed: " + Text(error));
    }

    private static string Text(byte[] error) => Encoding.UTF8.GetString(error).TrimEnd('\0');
}
