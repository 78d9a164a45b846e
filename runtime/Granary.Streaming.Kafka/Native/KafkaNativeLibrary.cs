using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Granary.Streaming.Kafka.Native;

/// <summary>
/// Points Confluent.Kafka at the system librdkafka (Debian's librdkafka1) instead of the librdkafka.redist
/// package, which is pruned: its loader asks for "librdkafka" and P/Invokes dlopen from "libdl", which
/// Debian 12 ships only as libdl.so.2. Installed once, before the first Confluent call.
/// </summary>
public static class KafkaNativeLibrary
{
    /// <summary>Where Debian installs librdkafka; overridable with GRANARY_LIBRDKAFKA for other layouts.</summary>
    public const string DefaultPath = "/usr/lib/x86_64-linux-gnu/librdkafka.so.1";

    private static readonly Lazy<bool> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The librdkafka file in use.</summary>
    public static string LibraryPath { get; } = Environment.GetEnvironmentVariable("GRANARY_LIBRDKAFKA") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Installs the resolver (thread-safe, idempotent). Every Kafka client of this package calls it first.</summary>
    public static void EnsureLoaded() => _ = Installed.Value;

    private static bool Install()
    {
        var confluent = typeof(IProducer<,>).Assembly;
        NativeLibrary.SetDllImportResolver(confluent, Resolve);
        if (!File.Exists(LibraryPath))
            throw new DllNotFoundException($"librdkafka was not found at {LibraryPath}; install the librdkafka1 package or set GRANARY_LIBRDKAFKA.");
        // Confluent's own loader then finds the library already loaded by the resolver.
        Library.Load(LibraryPath);
        return true;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) => name switch
    {
        "librdkafka" => NativeLibrary.Load(LibraryPath),
        "libdl" => NativeLibrary.Load("libdl.so.2"),
        _ => IntPtr.Zero,
    };
}
