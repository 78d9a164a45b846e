using System.Linq;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>How symbols are spelled in generated code: always global::-qualified, so user namespaces cannot shadow them.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat AnnotatedFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Fully qualified with nullable annotations: for signatures, fields and locals.</summary>
    public static string Annotated(ITypeSymbol type) => type.ToDisplayString(AnnotatedFormat);

    /// <summary>Fully qualified without nullable reference annotations: for typeof and type arguments of registrations.</summary>
    public static string Plain(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The metadata name with namespace, e.g. "Granary.IGrain" or "System.Threading.Tasks.Task`1".</summary>
    public static string MetadataName(ITypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "+" + name;
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    /// <summary>An identifier as written in source, escaped when it is a keyword.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    /// <summary>The names generated classes derive from a type's name.</summary>
    public static TypeIdentity Identity(INamedTypeSymbol type) => new(Plain(type), SimpleName(type), QualifiedName(type));

    /// <summary>Containing types and the name joined by '_', for generated class names.</summary>
    public static string SimpleName(INamedTypeSymbol type)
    {
        var name = type.Name;
        if (type.IsGenericType) name += "_" + string.Join("_", type.TypeArguments.Select(a => Sanitize(a.ToDisplayString())));
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.Name + "_" + name;
        return name;
    }

    /// <summary>Namespace, containing types and name joined by '_', for when simple names collide.</summary>
    public static string QualifiedName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString().Replace('.', '_') + "_" : "";
        return ns + SimpleName(type);
    }

    private static string Sanitize(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i])) chars[i] = '_';
        }

        return new string(chars);
    }

    /// <summary>True when generated code in the same assembly can name the type.</summary>
    public static bool IsNameable(ITypeSymbol type, IAssemblySymbol from)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (!IsVisible(named, from)) return false;
        }

        return type is not INamedTypeSymbol { IsGenericType: true } generic
            || generic.TypeArguments.All(a => a is not INamedTypeSymbol n || IsNameable(n, from));
    }

    /// <summary>True when generated code in <paramref name="from"/> can access the member without an accessor.</summary>
    public static bool IsVisible(ISymbol symbol, IAssemblySymbol from) => symbol.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Internal or Accessibility.ProtectedOrInternal =>
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, from) || symbol.ContainingAssembly.GivesAccessTo(from),
        _ => false,
    };

    public static bool HasAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass is { } c && MetadataName(c) == metadataName);
}
