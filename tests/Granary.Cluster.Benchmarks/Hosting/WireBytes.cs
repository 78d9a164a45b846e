using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Granary.Cluster.Benchmarks.Hosting;

/// <summary>
/// Bytes a process's TCP connections have sent and received, from the kernel's own counters (<c>ss -tinp</c>), so
/// the size of a call's messages is measured on the wire rather than guessed. PostgreSQL traffic is left out.
/// </summary>
internal static partial class WireBytes
{
    public static async Task<(long Sent, long Received)> OfProcessAsync(int pid, int excludedPeerPort)
    {
        var start = new ProcessStartInfo("ss", ["-tinpH"]) { RedirectStandardOutput = true };
        using var ss = Process.Start(start) ?? throw new InvalidOperationException("Could not run ss (iproute2).");
        var lines = (await ss.StandardOutput.ReadToEndAsync()).Split('\n');
        await ss.WaitForExitAsync();
        long sent = 0, received = 0;
        // Each socket is two lines: addresses and owning process, then its counters (absent when zero).
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].Contains($"pid={pid},", StringComparison.Ordinal)) continue;
            var fields = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 4 && fields[4].EndsWith($":{excludedPeerPort}", StringComparison.Ordinal)) continue;
            sent += Counter(lines[i + 1], SentPattern());
            received += Counter(lines[i + 1], ReceivedPattern());
        }

        return (sent, received);
    }

    private static long Counter(string line, Regex pattern) =>
        pattern.Match(line) is { Success: true } match ? long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"\bbytes_sent:(\d+)")]
    private static partial Regex SentPattern();

    [GeneratedRegex(@"\bbytes_received:(\d+)")]
    private static partial Regex ReceivedPattern();
}
