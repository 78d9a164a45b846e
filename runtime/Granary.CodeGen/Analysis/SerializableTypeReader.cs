using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>Reads a [GenerateSerializer] type into the model its codec is emitted from, with GRAN003/GRAN004.</summary>
internal static class SerializableTypeReader
{
    public static WithDiagnostics<SerializableTypeModel> Read(INamedTypeSymbol type, IAssemblySymbol assembly)
    {
        var diagnostics = SerializableTypeValidator.Validate(type);

        // Enums use the built-in codec; generic definitions cannot be registered as one closed type.
        if (type.TypeKind == TypeKind.Enum || type.IsGenericType || type.IsStatic || !SymbolNames.IsNameable(type, assembly))
        {
            return new WithDiagnostics<SerializableTypeModel>(null, diagnostics);
        }

        var hierarchy = SerializedHierarchy(type).ToList();
        var levels = hierarchy.Select(t => LevelMembers(t, assembly)).ToList();
        var construction = ConstructionPlanner.Plan(type, levels, assembly);
        var model = new SerializableTypeModel(
            SymbolNames.Identity(type),
            type.IsValueType,
            hierarchy.Select((t, i) => new TypeLevel(SymbolNames.Plain(t), t.IsValueType, levels[i].ToEquatableArray())).ToEquatableArray(),
            construction);
        return new WithDiagnostics<SerializableTypeModel>(model, diagnostics);
    }

    /// <summary>The type and its chain of [GenerateSerializer] base types, nearest first.</summary>
    private static IEnumerable<INamedTypeSymbol> SerializedHierarchy(INamedTypeSymbol type)
    {
        yield return type;
        for (var current = type.BaseType; current is not null && SymbolNames.HasAttribute(current, KnownNames.GenerateSerializerAttribute); current = current.BaseType)
        {
            yield return current;
        }
    }

    private static List<MemberModel> LevelMembers(INamedTypeSymbol type, IAssemblySymbol assembly) =>
        MemberFinder.DeclaredMembers(type)
            .Where(m => m.Id is not null)
            .GroupBy(m => m.Id)
            .Select(g => g.First())
            .Select(m => MemberAccessPlanner.Plan(m, assembly))
            .OfType<MemberModel>()
            .OrderBy(m => m.Id)
            .ToList();
}
