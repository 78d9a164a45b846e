using Granary.Cluster.Tests;
using Shop.Chaos.Tests.Journal;

namespace Shop.Chaos.Tests;

/// <summary>The activation journals of every silo process a chaos run started, killed ones included.</summary>
internal static class ActivationJournals
{
    public static List<ActivationSpan> Spans(ProcessCluster cluster, IReadOnlyDictionary<SiloProcess, DateTimeOffset> killedAt, DateTimeOffset endOfRun) =>
        [.. cluster.Silos.SelectMany(silo =>
            ActivationJournal.Read($"{silo.Port}/pid {silo.Pid}", silo.Lines(), killedAt.TryGetValue(silo, out var killed) ? killed : endOfRun))];

    /// <summary>Writes every silo process's log to a folder of its own, for a failed run's post-mortem; returns the folder.</summary>
    public static string Save(ProcessCluster cluster)
    {
        var folder = Path.Combine(Path.GetTempPath(), "granary-chaos", cluster.ClusterId);
        Directory.CreateDirectory(folder);
        foreach (var silo in cluster.Silos) File.WriteAllLines(Path.Combine(folder, $"silo-{silo.Port}-pid{silo.Pid}.log"), silo.Lines());
        return folder;
    }

    public static int Count(ProcessCluster cluster, int eventId) => cluster.Silos.Sum(silo => ActivationJournal.Count(silo.Lines(), eventId));
}
