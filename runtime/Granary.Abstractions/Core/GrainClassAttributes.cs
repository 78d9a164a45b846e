namespace Granary;

/// <summary>Overrides the grain type name derived from the class name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string GrainType { get; } = grainType;
}

/// <summary>How long an activation of this class may stay idle before it is collected.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>Minutes of the limit (added to the other parts).</summary>
    public double Minutes { get; init; }

    /// <summary>Hours of the limit (added to the other parts).</summary>
    public double Hours { get; init; }

    /// <summary>Days of the limit (added to the other parts).</summary>
    public double Days { get; init; }

    /// <summary>Never collect activations of this class for idleness.</summary>
    public bool AlwaysActive { get; init; }

    /// <summary>The limit as a span; <see cref="TimeSpan.MaxValue"/> when always active.</summary>
    public TimeSpan Amount => AlwaysActive
        ? TimeSpan.MaxValue
        : TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes);
}
