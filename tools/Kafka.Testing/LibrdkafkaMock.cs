using System.Runtime.InteropServices;

namespace Kafka.Testing;

/// <summary>
/// The parts of librdkafka's mock-cluster API (rdkafka_mock.h) the tests use, bound to the very library
/// Confluent.Kafka loaded: its loader picks one of several files at run time, so the path is read from the
/// process's memory map after Confluent has loaded it. A second copy of librdkafka would not see the clients.
/// </summary>
internal static unsafe class LibrdkafkaMock
{
    public const int Producer = 0;

    // Declared first: static initialisers run in order, and loading the library sets it.
    private static string _libraryPath = "";
    private static readonly nint Handle = LoadConfluentsLibrary();

    public static readonly delegate* unmanaged<nint> ConfNew = (delegate* unmanaged<nint>)Export("rd_kafka_conf_new");
    public static readonly delegate* unmanaged<nint, byte*, byte*, byte*, nuint, int> ConfSet =
        (delegate* unmanaged<nint, byte*, byte*, byte*, nuint, int>)Export("rd_kafka_conf_set");
    public static readonly delegate* unmanaged<int, nint, byte*, nuint, nint> New = (delegate* unmanaged<int, nint, byte*, nuint, nint>)Export("rd_kafka_new");
    public static readonly delegate* unmanaged<nint, void> Destroy = (delegate* unmanaged<nint, void>)Export("rd_kafka_destroy");
    public static readonly delegate* unmanaged<nint, int, nint> ClusterNew = (delegate* unmanaged<nint, int, nint>)Export("rd_kafka_mock_cluster_new");
    public static readonly delegate* unmanaged<nint, void> ClusterDestroy = (delegate* unmanaged<nint, void>)Export("rd_kafka_mock_cluster_destroy");
    public static readonly delegate* unmanaged<nint, nint> ClusterBootstraps = (delegate* unmanaged<nint, nint>)Export("rd_kafka_mock_cluster_bootstraps");
    public static readonly delegate* unmanaged<nint, byte*, int, int, int> TopicCreate =
        (delegate* unmanaged<nint, byte*, int, int, int>)Export("rd_kafka_mock_topic_create");
    public static readonly delegate* unmanaged<nint, int, int> BrokerSetDown = (delegate* unmanaged<nint, int, int>)Export("rd_kafka_mock_broker_set_down");
    public static readonly delegate* unmanaged<nint, int, int> BrokerSetUp = (delegate* unmanaged<nint, int, int>)Export("rd_kafka_mock_broker_set_up");
    public static readonly delegate* unmanaged<nint, int, byte*, int, void> BrokerSetHostPort =
        (delegate* unmanaged<nint, int, byte*, int, void>)Export("rd_kafka_mock_broker_set_host_port");
    public static readonly delegate* unmanaged<nint, int, void> GroupInitialRebalanceDelayMs =
        (delegate* unmanaged<nint, int, void>)Export("rd_kafka_mock_group_initial_rebalance_delay_ms");

    /// <summary>The path of the librdkafka file this process runs.</summary>
    public static string LibraryPath => _libraryPath;

    private static nint Export(string name) => NativeLibrary.GetExport(Handle, name);

    private static nint LoadConfluentsLibrary()
    {
        // Any call into Confluent.Kafka's native layer makes its loader pick and load the library.
        _ = Confluent.Kafka.Library.Version;
        _libraryPath = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).Contains("librdkafka", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .FirstOrDefault() ?? throw new DllNotFoundException("Confluent.Kafka loaded no librdkafka file that /proc/self/maps shows.");
        // dlopen of a path already loaded returns the same handle: this binds to Confluent's copy.
        return NativeLibrary.Load(_libraryPath);
    }
}
