using System.Runtime.InteropServices;
using System.Text;

namespace Kafka.Testing;

/// <summary>
/// librdkafka's mock Kafka cluster (the real Kafka protocol on 127.0.0.1), hosted in this process by one bare
/// client handle. Every client, kcat included, connects to <see cref="BootstrapServers"/>; none sets
/// test.mock.num.brokers, which would give it a private cluster. Nothing persists beyond the process.
/// </summary>
public sealed unsafe class KafkaMockCluster : IDisposable
{
    private readonly Lock _lock = new();
    private nint _handle;
    private nint _cluster;

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers, each listening on a port of its own choosing.</summary>
    public KafkaMockCluster(int brokers = 1)
    {
        Brokers = brokers;
        var conf = LibrdkafkaMock.ConfNew();
        Set(conf, "log_level", "3");
        var error = stackalloc byte[512];
        // The owner handle never connects anywhere; it only hosts the cluster's threads.
        _handle = LibrdkafkaMock.New(LibrdkafkaMock.Producer, conf, error, 512);
        if (_handle == 0) throw new InvalidOperationException("rd_kafka_new failed: " + Marshal.PtrToStringUTF8((nint)error));
        _cluster = LibrdkafkaMock.ClusterNew(_handle, brokers);
        if (_cluster == 0) throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        // Otherwise the first consumer-group join waits the broker default of 3 s.
        LibrdkafkaMock.GroupInitialRebalanceDelayMs(_cluster, 0);
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.ClusterBootstraps(_cluster))!;
    }

    /// <summary>host:port of the brokers, for every client's bootstrap.servers.</summary>
    public string BootstrapServers { get; }

    /// <summary>How many brokers the cluster has.</summary>
    public int Brokers { get; }

    /// <summary>The librdkafka file the cluster and Confluent.Kafka share.</summary>
    public static string LibraryPath => LibrdkafkaMock.LibraryPath;

    /// <summary>Creates a topic (the mock answers no CreateTopics request); an existing topic is left as it is.</summary>
    public void CreateTopic(string topic, int partitions)
    {
        var name = Encoding.UTF8.GetBytes(topic + "\0");
        lock (_lock)
        {
            fixed (byte* pointer = name)
            {
                var error = LibrdkafkaMock.TopicCreate(_cluster, pointer, partitions, 1);
                // 36: TOPIC_ALREADY_EXISTS.
                if (error is not 0 and not 36) throw new InvalidOperationException($"Creating mock topic {topic} failed with error {error}.");
            }
        }
    }

    /// <summary>
    /// Makes metadata name <paramref name="host"/>:<paramref name="port"/> for broker 1 instead of its own
    /// listener, for hosts that forward a fixed port to it (the mock binds ports of its own choosing).
    /// </summary>
    public void AdvertiseBroker(string host, int port)
    {
        fixed (byte* name = Encoding.UTF8.GetBytes(host + "\0"))
        {
            lock (_lock) LibrdkafkaMock.BrokerSetHostPort(_cluster, 1, name, port);
        }
    }

    /// <summary>Disconnects every broker and refuses connections until <see cref="SetUp"/>.</summary>
    public void SetDown()
    {
        lock (_lock)
        {
            for (var broker = 1; broker <= Brokers; broker++) LibrdkafkaMock.BrokerSetDown(_cluster, broker);
        }
    }

    /// <summary>Brings every broker back.</summary>
    public void SetUp()
    {
        lock (_lock)
        {
            for (var broker = 1; broker <= Brokers; broker++) LibrdkafkaMock.BrokerSetUp(_cluster, broker);
        }
    }

    /// <summary>Stops the cluster.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_cluster != 0) LibrdkafkaMock.ClusterDestroy(_cluster);
            if (_handle != 0) LibrdkafkaMock.Destroy(_handle);
            _cluster = _handle = 0;
        }
    }

    private static void Set(nint conf, string name, string value)
    {
        var error = stackalloc byte[512];
        fixed (byte* n = Encoding.UTF8.GetBytes(name + "\0"), v = Encoding.UTF8.GetBytes(value + "\0"))
        {
            if (LibrdkafkaMock.ConfSet(conf, n, v, error, 512) != 0)
                throw new InvalidOperationException($"rd_kafka_conf_set {name} failed: " + Marshal.PtrToStringUTF8((nint)error));
        }
    }
}
