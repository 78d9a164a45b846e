using Orleans.Configuration;

namespace Shop.Silo.Cluster;

/// <summary>
/// How fast the cluster notices a silo that died or hung, and how it recovers after a whole-cluster crash. Bound from
/// <c>Shop:Cluster:FailureDetection</c>; applied to Orleans' <see cref="ClusterMembershipOptions"/> when the silo uses
/// PostgreSQL (AdoNet) membership. The defaults are tuned for a LAN or one host (see docs/cluster.md for the
/// measurements behind them); Orleans' own defaults are kept for everything not listed here.
/// </summary>
public sealed class FailureDetectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Cluster:FailureDetection";

    /// <summary>
    /// <c>Tuned</c> (default): the values below and the refused-connection detector. <c>OrleansDefaults</c>: leave
    /// <see cref="ClusterMembershipOptions"/> untouched and turn the detector off (to compare, as the benchmark does).
    /// </summary>
    public string Profile { get; set; } = "Tuned";

    /// <summary>Period and timeout of a liveness probe. Default 1 s (Orleans: 5 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo is suspected. Default 3 (as Orleans).</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Fresh votes that declare a suspected silo dead. Default 2 (as Orleans).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a suspicion vote counts. Default 20 s (Orleans: 2 min): an old stall never adds to a new one.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Heartbeat into the membership table. Default 5 s (Orleans: 30 s).</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Missed heartbeats after which a row counts as stale. Default 3 (as Orleans): stale after 15 s.</summary>
    public int NumMissedTableIAmAliveLimit { get; set; } = 3;

    /// <summary>Periodic full read of the membership table. Default 5 s (Orleans: 60 s): a silo resumed after a
    /// pause learns within this that it was declared dead, and stops.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a joining silo keeps trying. Default 2 min (Orleans: 5 min).</summary>
    public TimeSpan MaxJoinAttemptTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often each silo checks that the other active silos still accept TCP connections; a refused connection
    /// (nothing listens on a silo's port, so its process is gone) declares that silo dead at once. A timeout is never
    /// taken as evidence. Default 250 ms; zero turns the periodic check off (the check before joining stays).
    /// </summary>
    public TimeSpan RefusedConnectionCheckPeriod { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one TCP connection attempt of the detector may take before it counts as "no evidence". Default 1 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether <see cref="Profile"/> is <c>Tuned</c>.</summary>
    internal bool IsTuned => string.Equals(Profile, "Tuned", StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies the tuned values onto Orleans' membership options.</summary>
    internal void ApplyTo(ClusterMembershipOptions membership)
    {
        if (!IsTuned) return;
        membership.ProbeTimeout = ProbeTimeout;
        membership.NumMissedProbesLimit = NumMissedProbesLimit;
        membership.NumVotesForDeathDeclaration = NumVotesForDeathDeclaration;
        membership.DeathVoteExpirationTimeout = DeathVoteExpirationTimeout;
        membership.IAmAliveTablePublishTimeout = IAmAliveTablePublishTimeout;
        membership.NumMissedTableIAmAliveLimit = NumMissedTableIAmAliveLimit;
        membership.TableRefreshTimeout = TableRefreshTimeout;
        membership.MaxJoinAttemptTime = MaxJoinAttemptTime;
    }
}
