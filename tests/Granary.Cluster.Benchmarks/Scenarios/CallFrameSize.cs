using System.Diagnostics;
using Granary.Cluster.Benchmarks.Echo;
using Granary.Cluster.Benchmarks.Grains;
using Granary.Cluster.Benchmarks.Hosting;
using Granary.Cluster.Tests;

namespace Granary.Cluster.Benchmarks.Scenarios;

/// <summary>
/// The bytes one <c>Ping(int)</c> call puts on the wire, each way, measured: sequential calls from this process's
/// silo to a grain on the other silo, the kernel's byte counters of this process's silo connections before and
/// after, less the background traffic (membership probes) of an idle window as long.
/// </summary>
internal sealed record CallFrameSize(int RequestFrameBytes, int ResponseFrameBytes)
{
    private const int Calls = 4000;

    /// <summary>Payload bytes, without the 4-byte length prefix, which the echo baseline adds back.</summary>
    public int RequestPayload => RequestFrameBytes - EchoFrames.HeaderLength;

    public int ResponsePayload => ResponseFrameBytes - EchoFrames.HeaderLength;

    public static async Task<CallFrameSize> MeasureAsync(IBenchPingGrain target)
    {
        var pid = Environment.ProcessId;
        var postgresPort = new Npgsql.NpgsqlConnectionStringBuilder(Postgres.ConnectionString).Port;
        await target.Ping(0);

        var before = await WireBytes.OfProcessAsync(pid, postgresPort);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++) await target.Ping(i);
        var busy = watch.Elapsed;
        var after = await WireBytes.OfProcessAsync(pid, postgresPort);

        var idleStart = await WireBytes.OfProcessAsync(pid, postgresPort);
        await Task.Delay(busy);
        var idleEnd = await WireBytes.OfProcessAsync(pid, postgresPort);

        var sent = after.Sent - before.Sent - (idleEnd.Sent - idleStart.Sent);
        var received = after.Received - before.Received - (idleEnd.Received - idleStart.Received);
        return new CallFrameSize((int)Math.Round((double)sent / Calls), (int)Math.Round((double)received / Calls));
    }
}
