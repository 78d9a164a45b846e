namespace Granary.Serialization;

/// <summary>
/// How a field's payload is laid out. Every payload is skippable from its wire type alone, which is what
/// lets an old reader ignore fields a newer writer added.
/// </summary>
public enum WireType : byte
{
    /// <summary>A base-128 varint (signed values zig-zag encoded).</summary>
    VarInt = 0,

    /// <summary>Four little-endian bytes.</summary>
    Fixed32 = 1,

    /// <summary>Eight little-endian bytes.</summary>
    Fixed64 = 2,

    /// <summary>A varint length followed by that many bytes (strings, byte arrays, Guids, decimals).</summary>
    LengthPrefixed = 3,

    /// <summary>Fields follow until <see cref="EndObject"/> (objects and collections).</summary>
    StartObject = 4,

    /// <summary>Closes the innermost <see cref="StartObject"/> or <see cref="TypedObject"/>.</summary>
    EndObject = 5,

    /// <summary>A null reference; no payload.</summary>
    Null = 6,

    /// <summary>A length-prefixed type name, then fields until <see cref="EndObject"/>: a value whose runtime type differs from the declared type.</summary>
    TypedObject = 7,
}

/// <summary>A field header: which member and how its payload is laid out.</summary>
public readonly record struct Field(uint Id, WireType WireType)
{
    /// <summary>True for the marker that closes an object.</summary>
    public bool IsEndObject => WireType == WireType.EndObject;
}
