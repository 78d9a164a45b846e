namespace Granary.Runtime;

/// <summary>
/// The identity of a grain: its type and its key. Keys of every shape (string, Guid, long, compound)
/// are kept in one canonical string form so identities hash and compare cheaply everywhere.
/// </summary>
public readonly record struct GrainId(GrainType Type, string Key)
{
    /// <summary>Separates a compound key's primary part from its extension.</summary>
    public const char KeyExtensionSeparator = '+';

    /// <summary>Creates an identity from a type name and a canonical key.</summary>
    public static GrainId Create(string type, string key) => new(new GrainType(type), key);

    /// <summary>True for the default, unassigned identity.</summary>
    public bool IsDefault => Type.Value is null;

    /// <summary>Parses the <c>type/key</c> form produced by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        return Create(value[..slash], value[(slash + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type.Value}/{Key}";
}
