using Granary.GrainDirectory;
using Granary.Runtime;

namespace Granary.Streaming.Balancing;

/// <summary>
/// Which silo owns each partition of a provider, a pure function of the provider name, the partition count and
/// the set of active silos, so every silo that sees the same view computes the same owners without talking.
/// Rendezvous hashing with bounded loads: every (partition, silo) pair gets a score, pairs are taken best first,
/// and a silo stops taking partitions at its fair share (within one of every other silo). A partition thus stays
/// with its best-scoring silo unless that silo is full, so a silo joining or leaving moves little besides its share.
/// </summary>
internal static class PartitionAssignment
{
    /// <summary>The owner of each partition, indexed by partition; empty when there is no silo.</summary>
    public static SiloAddress[] Assign(string provider, int partitionCount, IReadOnlyCollection<SiloAddress> silos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partitionCount);
        if (silos.Count == 0) return [];
        var ordered = silos.Distinct().Order().ToArray();
        var fair = partitionCount / ordered.Length;
        var roomForOneMore = partitionCount % ordered.Length;

        var pairs = new (uint Score, int Silo, int Partition)[partitionCount * ordered.Length];
        for (var p = 0; p < partitionCount; p++)
        {
            for (var s = 0; s < ordered.Length; s++) pairs[p * ordered.Length + s] = (Score(provider, p, ordered[s]), s, p);
        }

        // Best score first; ties (32-bit scores collide rarely) broken by silo then partition, so the order is total.
        Array.Sort(pairs, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : a.Silo != b.Silo ? a.Silo.CompareTo(b.Silo) : a.Partition.CompareTo(b.Partition));

        var owners = new SiloAddress[partitionCount];
        var loads = new int[ordered.Length];
        var assigned = 0;
        foreach (var (_, silo, partition) in pairs)
        {
            if (owners[partition] is not null) continue;
            if (loads[silo] == fair + 1 || (loads[silo] == fair && roomForOneMore == 0)) continue;
            if (loads[silo] == fair) roomForOneMore--;
            loads[silo]++;
            owners[partition] = ordered[silo];
            if (++assigned == partitionCount) break;
        }

        return owners;
    }

    /// <summary>The partitions <paramref name="silo"/> owns, in ascending order; none when it is not among <paramref name="silos"/>.</summary>
    public static IReadOnlyCollection<int> PartitionsOf(SiloAddress silo, string provider, int partitionCount, IReadOnlyCollection<SiloAddress> silos)
    {
        if (!silos.Contains(silo)) return [];
        var owners = Assign(provider, partitionCount, silos);
        return [.. Enumerable.Range(0, partitionCount).Where(p => owners[p] == silo)];
    }

    private static uint Score(string provider, int partition, SiloAddress silo) => ConsistentRing.Hash($"{provider}/{partition}@{silo}");
}
