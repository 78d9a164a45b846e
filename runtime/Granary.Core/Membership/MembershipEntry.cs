using Granary.Runtime;

namespace Granary.Membership;

/// <summary>Where a silo is in its life, as recorded in the membership table.</summary>
public enum SiloStatus
{
    /// <summary>No status.</summary>
    None = 0,

    /// <summary>Inserted its row; not serving yet.</summary>
    Joining = 1,

    /// <summary>Serving.</summary>
    Active = 2,

    /// <summary>Leaving gracefully: handing off its activations.</summary>
    ShuttingDown = 3,

    /// <summary>Gone, by its own leave or by a death declaration. Terminal.</summary>
    Dead = 4,
}

/// <summary>One silo's vote that another silo is unreachable.</summary>
public sealed record SuspicionVote(SiloAddress Suspecter, DateTimeOffset Time);

/// <summary>A row of the membership table: one incarnation of a silo.</summary>
public sealed record MembershipEntry
{
    /// <summary>The silo, with its generation.</summary>
    public required SiloAddress Silo { get; init; }

    /// <summary>Its status.</summary>
    public required SiloStatus Status { get; init; }

    /// <summary>Recent suspicion votes against it.</summary>
    public IReadOnlyList<SuspicionVote> Suspicions { get; init; } = [];

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>The last time it wrote that it is alive.</summary>
    public required DateTimeOffset IAmAliveTime { get; init; }

    /// <summary>A name for people (the pod or process name).</summary>
    public string SiloName { get; init; } = "";

    /// <summary>The machine it runs on.</summary>
    public string HostName { get; init; } = "";

    /// <summary>True when this silo also accepts client connections.</summary>
    public bool IsGateway { get; init; } = true;
}

/// <summary>The version row of the table: every change of a row must also advance it, atomically.</summary>
public sealed record TableVersion(long Version, string ETag)
{
    /// <summary>The version a writer proposes next.</summary>
    public TableVersion Next() => this with { Version = Version + 1 };
}

/// <summary>A consistent read of the whole table.</summary>
public sealed record MembershipTableData(IReadOnlyList<MembershipRow> Rows, TableVersion Version);

/// <summary>A row with the ETag a conditional update must present.</summary>
public sealed record MembershipRow(MembershipEntry Entry, string ETag);
