using System.Globalization;

namespace Granary.Cluster.Benchmarks.Scenarios;

/// <summary>The whole machine's CPU time from /proc/stat, to show that a soak run really kept every core busy.</summary>
internal readonly record struct CpuUsage(long Busy, long Total)
{
    public static CpuUsage Now()
    {
        // cpu  user nice system idle iowait irq softirq steal ...: idle and iowait are the not-busy parts.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return new CpuUsage(total - fields[3] - fields[4], total);
    }

    /// <summary>The fraction of all cores' time that was busy between <paramref name="earlier"/> and this reading.</summary>
    public double BusySince(CpuUsage earlier) => (double)(Busy - earlier.Busy) / Math.Max(1, Total - earlier.Total);
}
