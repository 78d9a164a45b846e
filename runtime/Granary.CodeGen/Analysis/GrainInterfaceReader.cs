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
            var sink = ReportsFor(declaring, type, assembly) ? diagnostics : [];
            var name = SymbolNames.Identity(declaring);
            var index = 0;
            foreach (var method in ProxiedMethods(declaring))
            {
                methods.Add(GrainMethodReader.Read(method, name, index++, sink));
            }
        }

        // Generic interfaces would need one proxy per closed type; only their diagnostics are reported for now.
        var model = type.IsGenericType || !SymbolNames.IsNameable(type, assembly)
            ? null
            : new GrainInterfaceModel(SymbolNames.Identity(type), methods.ToEquatableArray());
        return new WithDiagnostics<GrainInterfaceModel>(model, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Diagnostics belong to the interface that declares the method: a grain interface reports its own when it
    /// is read. Plain interfaces of this assembly that grain interfaces inherit are never read on their own,
    /// so whoever inherits them reports for them (duplicates are removed before reporting).
    /// </summary>
    private static bool ReportsFor(INamedTypeSymbol declaring, INamedTypeSymbol reading, IAssemblySymbol assembly) =>
        SymbolEqualityComparer.Default.Equals(declaring, reading)
        || (!IsGrainInterface(declaring) && SymbolEqualityComparer.Default.Equals(declaring.ContainingAssembly, assembly));

    /// <summary>Abstract instance methods: default-implemented and static members need no proxy body.</summary>
    private static IEnumerable<IMethodSymbol> ProxiedMethods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.IsAbstract && !m.IsStatic);
}
