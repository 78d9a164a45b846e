namespace Granary.Serialization;

/// <summary>Asks the code generator for a serializer. Only members marked with <see cref="IdAttribute"/> are serialized.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, Inherited = false)]
public sealed class GenerateSerializerAttribute : Attribute;

/// <summary>
/// The stable wire id of a serialized member. Ids never change once shipped: renaming a member is free,
/// renumbering it breaks compatibility. New members take new ids; old readers skip them.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IdAttribute(uint id) : Attribute
{
    /// <summary>The wire id.</summary>
    public uint Id { get; } = id;
}

/// <summary>A stable wire name for a type, so it can be renamed or moved without breaking stored or in-flight data.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum, Inherited = false)]
public sealed class AliasAttribute(string alias) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Alias { get; } = alias;
}
