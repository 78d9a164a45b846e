namespace Granary.Runtime;

/// <summary>
/// The name of a kind of grain, such as <c>counter</c>. Derived from the grain class name without its
/// <c>Grain</c> suffix, lower-cased, unless the class carries <see cref="GrainTypeAttribute"/>.
/// </summary>
public readonly record struct GrainType(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
