using System.Globalization;

namespace Shop.Chaos.Tests.Journal;

/// <summary>
/// Reads the silos' activation journals (silo/Shop.Silo/Diagnostics/ActivationJournal.cs writes them): one file per
/// process, one line per event, <c>{UTC time}\t{start|stop}\t{silo address}\t{activation id}\t{grain id}</c>.
/// A line without its newline (the one a SIGKILL cut short) and a line that does not parse are skipped.
/// </summary>
internal static class ActivationJournalReader
{
    /// <summary>The journal of process <paramref name="pid"/> in <paramref name="directory"/>, or no lines if it wrote none.</summary>
    public static IEnumerable<string> Lines(string directory, int pid)
    {
        var path = Path.Combine(directory, $"activations-{pid}.log");
        return File.Exists(path) ? CompleteLines(File.ReadAllText(path)) : [];
    }

    /// <summary>The newline-terminated lines of <paramref name="text"/>: a last line without its newline may be cut short.</summary>
    public static IEnumerable<string> CompleteLines(string text) => text.Split('\n')[..^1];

    /// <summary>
    /// The spans in one process's <paramref name="lines"/>; an activation still open at the end lasts until
    /// <paramref name="endOfProcess"/> (when it was killed or exited, or the end of the run if it still runs).
    /// </summary>
    public static List<ActivationSpan> Read(IEnumerable<string> lines, DateTimeOffset endOfProcess)
    {
        var open = new Dictionary<string, ActivationSpan>(StringComparer.Ordinal);
        var spans = new List<ActivationSpan>();
        foreach (var line in lines)
        {
            if (Parse(line) is not { } entry) continue;
            if (entry.Started) open[entry.Span.ActivationId] = entry.Span;
            else if (open.Remove(entry.Span.ActivationId, out var started)) spans.Add(started with { To = entry.Span.From });
        }

        spans.AddRange(open.Values.Select(span => span with { To = endOfProcess }));
        return spans;
    }

    private static (bool Started, ActivationSpan Span)? Parse(string line)
    {
        var fields = line.Split('\t', 5);
        if (fields.Length != 5 || fields[1] is not ("start" or "stop") || fields[4].Length == 0) return null;
        if (!DateTimeOffset.TryParse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return null;
        return (fields[1] == "start", new ActivationSpan(fields[4], fields[2], fields[3], at, DateTimeOffset.MaxValue));
    }
}
