using System.Collections.Immutable;
using System.Text;
using Granary.Runtime;

namespace Granary.GrainDirectory;

/// <summary>
/// Consistent hashing of grain ids over silos, with virtual nodes so ranges stay even; a silo joining or
/// leaving moves only about 1/N of the ids. Hashes are stable across processes and versions.
/// </summary>
internal sealed class ConsistentRing
{
    private const int VirtualNodesPerSilo = 64;
    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    public ConsistentRing(IEnumerable<SiloAddress> silos)
    {
        var points = new List<(uint Point, SiloAddress Silo)>();
        foreach (var silo in silos)
        {
            for (var i = 0; i < VirtualNodesPerSilo; i++) points.Add((Hash($"{silo}#{i}"), silo));
        }

        points.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Silo.CompareTo(b.Silo));
        _points = [.. points.Select(p => p.Point)];
        _owners = [.. points.Select(p => p.Silo)];
        Silos = [.. _owners.Distinct().Order()];
    }

    public ImmutableArray<SiloAddress> Silos { get; }

    public bool IsEmpty => _points.Length == 0;

    /// <summary>The silo owning <paramref name="grainId"/>; null on an empty ring.</summary>
    public SiloAddress? Owner(GrainId grainId)
    {
        if (_points.Length == 0) return null;
        var index = Array.BinarySearch(_points, Hash(grainId.ToString()));
        if (index < 0) index = ~index;
        return _owners[index == _points.Length ? 0 : index];
    }

    /// <summary>A stable 32-bit hash (FNV-1a over UTF-8), the same in every process.</summary>
    public static uint Hash(string value)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        // FNV-1a mixes its last bytes weakly; a finalizer spreads them so nearby keys land apart.
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
