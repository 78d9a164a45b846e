namespace Shop.Chaos.Tests;

/// <summary>The chaos run's silo settings, on top of the harness's PostgreSQL membership, storage and reminders.</summary>
internal static class ChaosSilos
{
    public static Dictionary<string, string> Settings(string journalDirectory, string grainDirectory) => new()
    {
        ["Shop__Diagnostics__ActivationJournal"] = journalDirectory,
        ["Shop__Cluster__GrainDirectory"] = grainDirectory,
        // An order orphaned by a kill is driven on within seconds once it is active again (the settlement check's
        // reads activate it; its reminder in PostgreSQL does too), so the test can wait for every order to settle.
        ["Shop__Orders__RetryInterval"] = "00:00:02",
        // The silos' logs stay in the test's memory; under chaos Information is plenty.
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Shop"] = "Information",
    };
}
