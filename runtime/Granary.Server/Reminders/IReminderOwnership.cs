using Granary.Runtime;

namespace Granary.Reminders;

/// <summary>
/// Which reminders this silo fires: those of grains whose <see cref="GrainIdHashing.GetUniformHashCode"/> lies in
/// <see cref="OwnedRanges"/>. The seam where cluster membership plugs in: a ring assigns each silo its ranges and
/// raises <see cref="Changed"/> when they move, so a reminder fires on exactly one live silo.
/// </summary>
internal interface IReminderOwnership
{
    /// <summary>The hash ranges owned now; empty when this silo owns nothing.</summary>
    IReadOnlyList<ReminderHashRange> OwnedRanges { get; }

    /// <summary>Raised after <see cref="OwnedRanges"/> changed; the reminder service then re-reads its reminders.</summary>
    event Action? Changed;

    /// <summary>The live silo that fires <paramref name="grainId"/>'s reminders; null when it is this silo or unknown.</summary>
    SiloAddress? RemoteOwnerOf(GrainId grainId);
}

/// <summary>An inclusive range of uniform grain hashes.</summary>
internal readonly record struct ReminderHashRange(uint First, uint Last)
{
    public static ReminderHashRange Full { get; } = new(uint.MinValue, uint.MaxValue);

    public bool Contains(uint hash) => hash >= First && hash <= Last;
}

/// <summary>The single-silo default: this silo owns every reminder.</summary>
internal sealed class OwnAllReminders : IReminderOwnership
{
    private static readonly ReminderHashRange[] All = [ReminderHashRange.Full];

    public IReadOnlyList<ReminderHashRange> OwnedRanges => All;

    // Ownership never changes with one silo.
    public event Action? Changed { add { } remove { } }

    public SiloAddress? RemoteOwnerOf(GrainId grainId) => null;
}

internal static class ReminderOwnershipExtensions
{
    public static bool Owns(this IReminderOwnership ownership, GrainId grainId)
    {
        var hash = grainId.GetUniformHashCode();
        foreach (var range in ownership.OwnedRanges)
        {
            if (range.Contains(hash)) return true;
        }

        return false;
    }
}
