namespace Shop.Chaos.Tests.Journal;

/// <summary>The journal reader and the duplicate detector on journals whose answer is known, written as a silo writes them.</summary>
public sealed class DuplicateDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndOfRun = T0.AddHours(1);

    [Fact]
    public void Two_activations_of_one_grain_at_the_same_time_on_different_silos_are_a_duplicate()
    {
        var spans = Read("S127.0.0.1:1:1", ("start", "@a", "order/1", 0), ("stop", "@a", "order/1", 500))
            .Concat(Read("S127.0.0.2:2:1", ("start", "@b", "order/1", 400), ("stop", "@b", "order/1", 900)));

        var duplicate = Assert.Single(DuplicateDetector.Find(spans));

        Assert.Equal(("S127.0.0.1:1:1", "S127.0.0.2:2:1"), (duplicate.First.Silo, duplicate.Second.Silo));
        Assert.Equal(TimeSpan.FromMilliseconds(100), duplicate.Overlap);
    }

    [Fact]
    public void An_activation_that_starts_after_the_previous_one_stopped_is_no_duplicate_nor_is_another_grain()
    {
        var spans = Read("S127.0.0.1:1:1", ("start", "@a", "order/1", 0), ("stop", "@a", "order/1", 500))
            .Concat(Read("S127.0.0.2:2:1", ("start", "@b", "order/1", 500), ("stop", "@b", "order/1", 900), ("start", "@c", "order/2", 100)))
            .Concat(Read("S127.0.0.3:3:1", ("start", "@d", "order/1", 901)));

        Assert.Empty(DuplicateDetector.Find(spans));
    }

    [Fact]
    public void An_activation_on_a_killed_silo_ends_at_the_kill_and_one_on_a_silo_still_running_lasts_to_the_end()
    {
        var later = Read("S127.0.0.2:2:1", ("start", "@b", "wallet/9", 5_000));

        var killed = ActivationJournalReader.Read(Lines("S127.0.0.1:1:1", ("start", "@a", "wallet/9", 0)), endOfProcess: T0.AddSeconds(2));
        Assert.Empty(DuplicateDetector.Find(killed.Concat(later)));

        var running = ActivationJournalReader.Read(Lines("S127.0.0.1:1:1", ("start", "@a", "wallet/9", 0)), EndOfRun);
        Assert.Single(DuplicateDetector.Find(running.Concat(later)));
    }

    [Fact]
    public void A_line_cut_short_by_a_kill_and_lines_that_do_not_parse_are_skipped()
    {
        var whole = string.Join("", Lines("S127.0.0.1:1:1", ("start", "@a", "user/1", 0), ("start", "@b", "user/2", 10)).Select(l => l + "\n"));
        var text = "not a journal line\n" + whole + Lines("S127.0.0.1:1:1", ("stop", "@a", "user/1", 20))[0][..40];

        var spans = ActivationJournalReader.Read(ActivationJournalReader.CompleteLines(text), EndOfRun);

        Assert.Equal(["user/1", "user/2"], spans.Select(s => s.Grain).Order());
        Assert.All(spans, span => Assert.Equal(EndOfRun, span.To));
    }

    [Fact]
    public void Every_overlapping_pair_is_reported_once()
    {
        var spans = Read("S127.0.0.1:1:1", ("start", "@a", "user/1", 0))
            .Concat(Read("S127.0.0.2:2:1", ("start", "@b", "user/1", 10)))
            .Concat(Read("S127.0.0.3:3:1", ("start", "@c", "user/1", 20), ("stop", "@c", "user/1", 30)));

        Assert.Equal(3, DuplicateDetector.Find(spans).Count);
    }

    private static List<ActivationSpan> Read(string silo, params (string What, string Activation, string Grain, int AtMs)[] events) =>
        ActivationJournalReader.Read(Lines(silo, events), EndOfRun);

    /// <summary>Lines as silo/Shop.Silo/Diagnostics/ActivationJournal.cs writes them.</summary>
    private static string[] Lines(string silo, params (string What, string Activation, string Grain, int AtMs)[] events) =>
        [.. events.Select(e => $"{T0.AddMilliseconds(e.AtMs):O}\t{e.What}\t{silo}\t{e.Activation}\t{e.Grain}")];
}
