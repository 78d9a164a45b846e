using System.Globalization;
using System.Text.Json;

namespace Shop.Chaos.Tests.Journal;

/// <summary>
/// Reads activation spans from a silo's JSON console log: the runtime logs event 3004 when an activation wins its
/// grain's directory registration, and 3005 when it starts to unregister or 3006 when it is dropped because its silo
/// was declared dead (category Granary.Catalog.ActivationData, level Debug). Lines of other events, and lines that are not JSON (a crash's stack trace), are skipped.
/// </summary>
internal static class ActivationJournal
{
    public const int Registered = 3004;
    public const int Unregistering = 3005;
    public const int Dropped = 3006;

    /// <summary>The runtime's own report of a duplicate it found and resolved after a membership change.</summary>
    public const int DuplicateFound = 6000;

    /// <summary>The membership's "this silo was declared dead" (it was alive: paused, partitioned or too slow), before it stops.</summary>
    public const int DeclaredDeadWhileAlive = 8011;

    /// <summary>
    /// The spans in <paramref name="lines"/> of one silo process; a span still open at the end of the log lasts
    /// until <paramref name="endOfLog"/> (the moment the process was killed, or the end of the run).
    /// </summary>
    public static List<ActivationSpan> Read(string silo, IEnumerable<string> lines, DateTimeOffset endOfLog)
    {
        var open = new Dictionary<long, (string Grain, DateTimeOffset From)>();
        var spans = new List<ActivationSpan>();
        foreach (var entry in Entries(lines))
        {
            if (entry.EventId == Registered) open[entry.ActivationId] = (entry.Grain, entry.At);
            else if (entry.EventId is Unregistering or Dropped && open.Remove(entry.ActivationId, out var started))
                spans.Add(new ActivationSpan(started.Grain, silo, entry.ActivationId, started.From, entry.At));
        }

        spans.AddRange(open.Select(o => new ActivationSpan(o.Value.Grain, silo, o.Key, o.Value.From, endOfLog)));
        return spans;
    }

    /// <summary>How many log lines carry <paramref name="eventId"/>.</summary>
    public static int Count(IEnumerable<string> lines, int eventId) => lines.Count(line => EventIdOf(line) == eventId);

    private static IEnumerable<(int EventId, long ActivationId, string Grain, DateTimeOffset At)> Entries(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (EventIdOf(line) is not (Registered or Unregistering or Dropped) || Parse(line) is not { } root) continue;
            var state = root.GetProperty("State");
            var at = DateTimeOffset.Parse(root.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var activation = state.GetProperty("ActivationId");
            var id = activation.ValueKind == JsonValueKind.Number ? activation.GetInt64() : long.Parse(activation.GetString()!, CultureInfo.InvariantCulture);
            yield return (root.GetProperty("EventId").GetInt32(), id, state.GetProperty("Grain").GetString()!, at);
        }
    }

    private static int? EventIdOf(string line)
    {
        // Cheap pre-filter: most lines are other events; only JSON objects with an EventId are parsed.
        if (!line.StartsWith('{') || !line.Contains("\"EventId\":", StringComparison.Ordinal)) return null;
        return Parse(line) is { } root && root.TryGetProperty("EventId", out var id) ? id.GetInt32() : null;
    }

    private static JsonElement? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
