namespace Shop.Chaos.Tests.Journal;

/// <summary>
/// The time one activation could serve its grain, as its silo's journal tells it: from its lifecycle's start (after
/// it won the directory registration) to its lifecycle's stop, or to its process's death, or to the end of the run.
/// </summary>
internal sealed record ActivationSpan(string Grain, string Silo, string ActivationId, DateTimeOffset From, DateTimeOffset To)
{
    public bool Overlaps(ActivationSpan other) => From < other.To && other.From < To;

    /// <summary>The grain type: the grain id up to its first '/'.</summary>
    public string GrainType => Grain.Split('/', 2)[0];
}

/// <summary>Two activations of one grain that could both serve it at the same moment.</summary>
internal sealed record DuplicateActivation(ActivationSpan First, ActivationSpan Second)
{
    public TimeSpan Overlap => (First.To < Second.To ? First.To : Second.To) - (First.From > Second.From ? First.From : Second.From);

    public override string ToString() =>
        $"{First.Grain}: {First.ActivationId} on {First.Silo} [{First.From:HH:mm:ss.ffffff}, {First.To:HH:mm:ss.ffffff}] and " +
        $"{Second.ActivationId} on {Second.Silo} [{Second.From:HH:mm:ss.ffffff}, {Second.To:HH:mm:ss.ffffff}] overlap {Overlap.TotalMilliseconds:0.###} ms";
}
