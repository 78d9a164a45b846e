using Granary.Cluster.Tests;

namespace Shop.Chaos.Tests;

/// <summary>The settings of the chaos test's silos, on top of the harness's PostgreSQL membership.</summary>
internal static class ChaosSilos
{
    public static void Configure(ProcessCluster cluster)
    {
        var settings = new Dictionary<string, string>
        {
            // State and reminders in PostgreSQL: a grain's state and an order's settlement reminder outlive any silo.
            ["Shop__Storage__Provider"] = "AdoNet",
            ["Shop__Storage__ConnectionString"] = Postgres.ConnectionString,
            // Membership with its production defaults: the harness shortens the stale-row rule for whole-cluster restarts,
            // which under this load (I-am-alive writes queue behind the shop's) declares live silos dead.
            ["Granary__Membership__IAmAlivePeriod"] = "00:00:05",
            ["Granary__Membership__IAmAliveStaleAfter"] = "00:00:20",
            // Orders orphaned by a kill settle within seconds, not the production minutes, so the test can wait for them.
            ["Granary__Reminders__MinimumReminderPeriod"] = "00:00:05",
            ["Granary__Reminders__RefreshReminderListPeriod"] = "00:00:10",
            ["Shop__Orders__RetryInterval"] = "00:00:01",
            ["Shop__Orders__ReminderPeriod"] = "00:00:05",
            ["Shop__Orders__PendingTimeout"] = "00:00:30",
            // Idle activations are collected during the run too, so grains also move by deactivation, not only by crashes.
            ["Granary__Collection__CollectionAge"] = "00:00:20",
            ["Granary__Collection__CollectionQuantum"] = "00:00:05",
            // One JSON object per line with a microsecond UTC timestamp: the activation journal the duplicate detector reads.
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.ffffffZ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Logging__Console__FormatterOptions__JsonWriterOptions__Indented"] = "false",
            ["Logging__LogLevel__Granary.Catalog.ActivationData"] = "Debug",
        };
        foreach (var (key, value) in settings) cluster.SiloSettings[key] = value;
    }
}
