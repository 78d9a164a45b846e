namespace Shop.Chaos.Tests.Journal;

/// <summary>The duplicate detector on journals whose answer is known, including the lines as a silo logs them.</summary>
public sealed class DuplicateDetectorTests
{
    private const int Registered = ActivationJournal.Registered;
    private const int Unregistering = ActivationJournal.Unregistering;
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Two_activations_of_one_grain_at_the_same_time_on_different_silos_are_a_duplicate()
    {
        var spans = Journal("silo-a", (Registered, 1, "order/1", 0), (Unregistering, 1, "order/1", 500))
            .Concat(Journal("silo-b", (Registered, 7, "order/1", 400), (Unregistering, 7, "order/1", 900)));

        var duplicate = Assert.Single(DuplicateDetector.Find(spans));

        Assert.Equal(("silo-a", "silo-b"), (duplicate.First.Silo, duplicate.Second.Silo));
        Assert.Equal(TimeSpan.FromMilliseconds(100), duplicate.Overlap);
    }

    [Fact]
    public void An_activation_that_starts_after_the_previous_one_unregistered_is_no_duplicate()
    {
        var spans = Journal("silo-a", (Registered, 1, "order/1", 0), (Unregistering, 1, "order/1", 500))
            .Concat(Journal("silo-b", (Registered, 7, "order/1", 501), (ActivationJournal.Dropped, 7, "order/1", 900)))
            .Concat(Journal("silo-c", (Registered, 9, "order/1", 901)))
            .Concat(Journal("silo-b", (Registered, 8, "order/2", 100)));

        Assert.Empty(DuplicateDetector.Find(spans));
    }

    [Fact]
    public void An_activation_on_a_killed_silo_ends_at_the_kill_and_one_still_open_on_a_live_silo_does_not()
    {
        var killed = ActivationJournal.Read("silo-a", Lines((Registered, 1, "wallet/9", 0)), endOfLog: T0.AddSeconds(2));
        var later = ActivationJournal.Read("silo-b", Lines((Registered, 3, "wallet/9", 5_000)), endOfLog: T0.AddSeconds(60));
        Assert.Empty(DuplicateDetector.Find(killed.Concat(later)));

        var zombie = ActivationJournal.Read("silo-a", Lines((Registered, 1, "wallet/9", 0)), endOfLog: T0.AddSeconds(60));
        Assert.Single(DuplicateDetector.Find(zombie.Concat(later)));
    }

    [Fact]
    public void Other_events_and_lines_that_are_not_json_are_skipped_and_the_runtime_report_is_counted()
    {
        string[] lines =
        [
            "Unhandled exception. System.Exception: not json",
            """{"Timestamp":"2026-11-21T12:00:00.000000Z","EventId":3001,"LogLevel":"Debug","Category":"Granary.Catalog.ActivationData","Message":"Deactivating","State":{"Grain":"order/1"}}""",
            """{"Timestamp":"2026-11-21T12:00:00.000000Z","EventId":6000,"LogLevel":"Warning","Category":"Granary.GrainDirectory.DistributedGrainDirectory","Message":"Duplicate","State":{}}""",
            .. Lines((Registered, 4, "order/1", 10)),
        ];

        var span = Assert.Single(ActivationJournal.Read("silo-a", lines, T0.AddSeconds(1)));

        Assert.Equal((4L, "order/1", T0.AddMilliseconds(10), T0.AddSeconds(1)), (span.ActivationId, span.Grain, span.From, span.To));
        Assert.Equal(1, ActivationJournal.Count(lines, ActivationJournal.DuplicateFound));
    }

    private static List<ActivationSpan> Journal(string silo, params (int EventId, long Activation, string Grain, int AtMs)[] events) =>
        ActivationJournal.Read(silo, Lines(events), T0.AddHours(1));

    /// <summary>Lines as Microsoft's JSON console formatter writes the runtime's events (timestamps in UTC, microseconds).</summary>
    private static string[] Lines(params (int EventId, long Activation, string Grain, int AtMs)[] events) =>
        [.. events.Select(e =>
            $$$"""{"Timestamp":"{{{T0.AddMilliseconds(e.AtMs).UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}}}","EventId":{{{e.EventId}}},"LogLevel":"Debug","Category":"Granary.Catalog.ActivationData","Message":"Activation {{{e.Activation}}} of {{{e.Grain}}}","State":{"Message":"Activation {{{e.Activation}}} of {{{e.Grain}}}","ActivationId":{{{e.Activation}}},"Grain":"{{{e.Grain}}}","{OriginalFormat}":"Activation {ActivationId} of {Grain}"}}""")];
}
