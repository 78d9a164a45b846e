namespace Granary.Configuration;

/// <summary>
/// How silos watch each other and agree on who is alive. Bound from the configuration section
/// <c>Granary:Membership</c> (e.g. <c>Granary__Membership__ProbePeriod=00:00:02</c>).
/// </summary>
/// <remarks>
/// With the defaults, a silo killed with SIGKILL (its connections reset, so probes fail at once) is declared
/// dead about (<see cref="MissedProbesLimit"/> - 1) x <see cref="ProbePeriod"/> + one indirect probe + two
/// table writes after the kill, about 2-3 s; a silo that hangs (SIGSTOP, partition) in about
/// <see cref="MissedProbesLimit"/> x <see cref="ProbeTimeout"/> + <see cref="ProbeTimeout"/>, about 4-5 s.
/// Orleans' defaults (probe every 10 s, 3 missed probes, 2 votes) take tens of seconds.
/// </remarks>
public sealed class ClusterMembershipOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Membership";

    /// <summary>How often each silo probes the silos it watches. Default: 1 second (Orleans: 10 s).</summary>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe waits for an answer before it counts as missed. Default: 1 second.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a probe that timed out while this silo's own thread pool lagged by more than half the probe timeout
    /// goes uncounted: a silo saturated with work hears answers late, and its misses would accuse healthy silos.
    /// Refused connections always count, so a killed silo is still declared dead promptly; a silo that hangs is
    /// declared once the prober has caught up (or by a less loaded silo). Default: true (Orleans extends its probe
    /// timeout while the local silo is degraded, to the same end).
    /// </summary>
    public bool IgnoreMissesWhileLagging { get; set; } = true;

    /// <summary>Consecutive missed probes after which a silo is suspected. Default: 3 (Orleans: 3).</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>How many successors on the ring of active silos each silo probes. Default: 3 (Orleans: 3).</summary>
    public int ProbedSiloCount { get; set; } = 3;

    /// <summary>
    /// How many other silos are asked to probe a suspect before this silo votes; if any reaches it, no vote
    /// is cast (the trouble is on this silo's side). 0 disables indirect probes. Default: 2.
    /// </summary>
    public int IndirectProbeCount { get; set; } = 2;

    /// <summary>
    /// Fresh votes that declare a silo dead. Never more are needed than there are live, unsuspected active
    /// silos other than the suspect, so a two-silo cluster can declare. Default: 2 (Orleans: 2).
    /// </summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>
    /// How long a vote counts. Voters re-vote every probe period while the suspect stays unreachable, so this
    /// only has to outlast a few periods. Default: 10 seconds (Orleans: 2 minutes).
    /// </summary>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a silo writes its I-am-alive time. Default: 5 seconds (Orleans: 30 s).</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the table is re-read; gossip makes changes arrive sooner, this bounds convergence when a
    /// notice is lost. Default: 2 seconds.
    /// </summary>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A row whose I-am-alive time is older than this is stale: if its silo also does not answer a probe, any
    /// silo (a joining one included) declares it dead alone, which is how a whole-cluster restart clears the
    /// rows of the previous run. Stale silos are not counted as voters. Default: 20 seconds.
    /// </summary>
    public TimeSpan IAmAliveStaleAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Rows of dead silos whose I-am-alive time is older than this are deleted. Default: 1 day (Orleans: 7 days).</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often rows of dead silos are cleaned up. Default: 1 hour (Orleans: 1 hour).</summary>
    public TimeSpan DefunctSiloCleanupPeriod { get; set; } = TimeSpan.FromHours(1);
}
