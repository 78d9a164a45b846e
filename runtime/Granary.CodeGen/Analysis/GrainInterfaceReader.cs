using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>Recognises grain and observer interfaces and reads the methods their proxy must implement.</summary>
internal static class GrainInterfaceReader
{
    /// <summary>An interface deriving from IGrain or IGrainObserver, other than the runtime's own markers.</summary>
    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && type.ContainingNamespace?.ToDisplayString() != KnownNames.GranaryNamespace
        && type.AllInterfaces.Any(i => SymbolNames.MetadataName(i) is KnownNames.GrainInterface or KnownNames.ObserverInterface);

    public static WithDiagnostics<GrainInterfaceModel> Read(INamedTypeSymbol type, IAssemblySymbol assembly)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var methods = new List<GrainMethodModel>();
        foreach (var declaring in new[] { type }.Concat(type.AllInterfaces))
        {
            // Diagnostics belong to the interface that declares the method; inherited ones were reported there.
            var sink = SymbolEqualityComparer.Default.Equals(declaring, type) ? diagnostics : [];
            var name = NameOf(declaring);
            var index = 0;
            foreach (var method in ProxiedMethods(declaring))
            {
                methods.Add(GrainMethodReader.Read(method, name, index++, sink));
            }
        }

        // Generic interfaces would need one proxy per closed type; only their diagnostics are reported for now.
        var model = type.IsGenericType || !SymbolNames.IsNameable(type, assembly)
            ? null
            : new GrainInterfaceModel(NameOf(type), methods.ToEquatableArray());
        return new WithDiagnostics<GrainInterfaceModel>(model, diagnostics.ToEquatableArray());
    }

    /// <summary>The names generated classes derive from a type's name.</summary>
    public static TypeIdentity NameOf(INamedTypeSymbol type) =>
        new(SymbolNames.Plain(type), SymbolNames.SimpleName(type), SymbolNames.QualifiedName(type));

    /// <summary>Abstract instance methods: default-implemented and static members need no proxy body.</summary>
    private static IEnumerable<IMethodSymbol> ProxiedMethods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.IsAbstract && !m.IsStatic);
}
