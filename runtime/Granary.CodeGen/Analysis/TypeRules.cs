using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>Which types the wire format can carry (GRAN002) and which need no defensive copy.</summary>
internal static class TypeRules
{
    private static readonly HashSet<string> SerializableScalars =
    [
        "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan", "System.Uri",
    ];

    /// <summary>Generic types the built-in codecs carry when every type argument is serializable.</summary>
    private static readonly HashSet<string> SerializableContainers =
    [
        "System.Nullable`1",
        "System.Collections.Generic.List`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.HashSet`1", "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
        "System.Collections.Generic.KeyValuePair`2",
        "System.Collections.Immutable.ImmutableArray`1", "System.Collections.Immutable.ImmutableList`1",
        "System.Collections.Immutable.ImmutableHashSet`1", "System.Collections.Immutable.ImmutableDictionary`2",
        "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3", "System.ValueTuple`4",
        "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7", "System.ValueTuple`8",
        KnownNames.ImmutableWrapper,
    ];

    private static readonly HashSet<string> ImmutableScalars =
    [
        "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
    ];

    public static bool IsSerializable(ITypeSymbol type) => type switch
    {
        // A generic interface's type parameters are checked where the interface is used with concrete types.
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => IsSerializable(array.ElementType),
        INamedTypeSymbol named => IsSerializableNamed(named),
        _ => false,
    };

    public static bool IsImmutable(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum || IsPrimitive(type.SpecialType) || type.SpecialType == SpecialType.System_String) return true;
        if (type is not INamedTypeSymbol named) return false;
        var name = SymbolNames.MetadataName(named.OriginalDefinition);
        if (ImmutableScalars.Contains(name) || name == KnownNames.ImmutableWrapper) return true;
        if (name == "System.Nullable`1") return IsImmutable(named.TypeArguments[0]);
        return SymbolNames.HasAttribute(named, KnownNames.ImmutableAttribute) || IsAddressable(named);
    }

    /// <summary>Grain and observer interfaces travel as references.</summary>
    public static bool IsAddressable(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && (SymbolNames.MetadataName(type) == KnownNames.AddressableInterface
            || type.AllInterfaces.Any(i => SymbolNames.MetadataName(i) == KnownNames.AddressableInterface));

    private static bool IsSerializableNamed(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum || IsPrimitive(type.SpecialType)) return true;
        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object) return true;
        var name = SymbolNames.MetadataName(type.OriginalDefinition);
        if (SerializableScalars.Contains(name)) return true;
        if (SerializableContainers.Contains(name)) return type.TypeArguments.All(IsSerializable);
        return SymbolNames.HasAttribute(type.OriginalDefinition, KnownNames.GenerateSerializerAttribute)
            || IsException(type)
            || IsAddressable(type);
    }

    private static bool IsException(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolNames.MetadataName(current) == "System.Exception") return true;
        }

        return false;
    }

    private static bool IsPrimitive(SpecialType special) => special is
        SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal;
}
