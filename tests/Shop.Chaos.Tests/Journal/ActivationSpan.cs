namespace Shop.Chaos.Tests.Journal;

/// <summary>
/// The time one activation held its grain's directory entry, as its silo's log tells it: from the moment it won
/// the registration to the moment it began to unregister (or its process was killed, or the run ended).
/// </summary>
internal sealed record ActivationSpan(string Grain, string Silo, long ActivationId, DateTimeOffset From, DateTimeOffset To)
{
    public bool Overlaps(ActivationSpan other) => From < other.To && other.From < To;
}

/// <summary>Two activations of one grain that held it at the same time.</summary>
internal sealed record DuplicateActivation(ActivationSpan First, ActivationSpan Second)
{
    public TimeSpan Overlap => (First.To < Second.To ? First.To : Second.To) - (First.From > Second.From ? First.From : Second.From);

    public override string ToString() =>
        $"{First.Grain}: #{First.ActivationId} on {First.Silo} [{First.From:HH:mm:ss.ffffff}, {First.To:HH:mm:ss.ffffff}] and " +
        $"#{Second.ActivationId} on {Second.Silo} [{Second.From:HH:mm:ss.ffffff}, {Second.To:HH:mm:ss.ffffff}] overlap {Overlap.TotalMilliseconds:0.###} ms";
}
