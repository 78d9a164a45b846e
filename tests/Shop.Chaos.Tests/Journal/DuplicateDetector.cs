namespace Shop.Chaos.Tests.Journal;

/// <summary>Finds activations of one grain whose spans overlap: the grain could serve calls in two places at once.</summary>
internal static class DuplicateDetector
{
    public static List<DuplicateActivation> Find(IEnumerable<ActivationSpan> spans)
    {
        var duplicates = new List<DuplicateActivation>();
        foreach (var grain in spans.GroupBy(s => s.Grain, StringComparer.Ordinal))
        {
            // A sweep in start order: each span meets the earlier spans that have not ended before it starts.
            var earlier = new List<ActivationSpan>();
            foreach (var span in grain.OrderBy(s => s.From))
            {
                earlier.RemoveAll(e => e.To <= span.From);
                duplicates.AddRange(earlier.Where(span.Overlaps).Select(e => new DuplicateActivation(e, span)));
                earlier.Add(span);
            }
        }

        return duplicates;
    }
}
