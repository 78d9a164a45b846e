using Granary.Cluster.Tests;
using Shop.Chaos.Tests.Journal;

namespace Shop.Chaos.Tests;

/// <summary>The activation journals of every silo process a chaos run started, killed ones included.</summary>
internal static class ActivationJournals
{
    public static List<ActivationSpan> Spans(ProcessCluster cluster, IReadOnlyDictionary<SiloProcess, DateTimeOffset> killedAt, DateTimeOffset endOfRun) =>
        [.. cluster.Silos.SelectMany(silo =>
            ActivationJournal.Read(Label(silo), silo.Lines(), killedAt.TryGetValue(silo, out var killed) ? killed : endOfRun))];

    private static string Label(SiloProcess silo) => $"{silo.Port}/pid {silo.Pid}";

    /// <summary>Writes every silo process's log to a folder of its own, for a failed run's post-mortem; returns the folder.</summary>
    public static string Save(ProcessCluster cluster)
    {
        var folder = Path.Combine(Path.GetTempPath(), "granary-chaos", cluster.ClusterId);
        Directory.CreateDirectory(folder);
        foreach (var silo in cluster.Silos) File.WriteAllLines(Path.Combine(folder, $"silo-{silo.Port}-pid{silo.Pid}.log"), silo.Lines());
        return folder;
    }

    /// <summary>The silo processes (labelled as in the spans) that logged <paramref name="eventId"/>.</summary>
    public static HashSet<string> SilosThatLogged(ProcessCluster cluster, int eventId) =>
        [.. cluster.Silos.Where(silo => ActivationJournal.Count(silo.Lines(), eventId) > 0).Select(Label)];

    public static int Count(ProcessCluster cluster, int eventId) => cluster.Silos.Sum(silo => ActivationJournal.Count(silo.Lines(), eventId));
}
