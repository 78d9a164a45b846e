using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>Finds the instance fields and properties a type declares and the [Id] each carries.</summary>
internal static class MemberFinder
{
    public static IEnumerable<IdMember> DeclaredMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic) continue;
            switch (member)
            {
                case IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false } field:
                    yield return new IdMember(field, field.Type, ReadId(field));
                    break;
                case IPropertySymbol { IsIndexer: false } property when property.Name != "EqualityContract":
                    yield return new IdMember(property, property.Type, ReadId(property) ?? ReadConstructorParameterId(type, property));
                    break;
            }
        }
    }

    /// <summary>The value of an [Id] attribute on the symbol, if any.</summary>
    public static uint? ReadId(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } c || SymbolNames.MetadataName(c) != KnownNames.IdAttribute) continue;
            if (attribute.ConstructorArguments.Length != 1) continue;
            return attribute.ConstructorArguments[0].Value switch
            {
                uint id => id,
                { } other => System.Convert.ToUInt32(other, System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>
    /// `record R([Id(0)] string A)` puts the attribute on the constructor parameter, not on the property the
    /// compiler derives from it; both spellings must work, from source and from referenced assemblies.
    /// </summary>
    private static uint? ReadConstructorParameterId(INamedTypeSymbol type, IPropertySymbol property)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            var parameter = constructor.Parameters.FirstOrDefault(p =>
                p.Name == property.Name && SymbolEqualityComparer.Default.Equals(p.Type.WithNullableAnnotation(NullableAnnotation.None), property.Type.WithNullableAnnotation(NullableAnnotation.None)));
            if (parameter is not null && ReadId(parameter) is { } id) return id;
        }

        return null;
    }

    /// <summary>The compiler-made field behind an auto-property, when the property is one.</summary>
    public static IFieldSymbol? BackingField(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    /// <summary>
    /// True for auto-properties. Source symbols expose their backing field; compiled ones do not, but the
    /// compiler marks auto-property accessors [CompilerGenerated].
    /// </summary>
    public static bool IsAutoProperty(IPropertySymbol property) =>
        BackingField(property) is not null
        || (property.GetMethod is { } getter && SymbolNames.HasAttribute(getter, "System.Runtime.CompilerServices.CompilerGeneratedAttribute"));

    public static bool IsIgnored(ISymbol member)
    {
        if (HasIgnoreAttribute(member)) return true;
        return member is IPropertySymbol property && BackingField(property) is { } field && HasIgnoreAttribute(field);
    }

    private static bool HasIgnoreAttribute(ISymbol symbol) =>
        SymbolNames.HasAttribute(symbol, KnownNames.NonSerializedAttribute)
        || SymbolNames.HasAttribute(symbol, KnownNames.JsonIgnoreAttribute)
        || SymbolNames.HasAttribute(symbol, KnownNames.IgnoreDataMemberAttribute);
}
