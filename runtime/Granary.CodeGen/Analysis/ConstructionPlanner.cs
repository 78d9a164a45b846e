using System;
using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Granary.CodeGen.Analysis;

/// <summary>Chooses how ReadFields creates an instance, and which members the constructor call sets.</summary>
internal static class ConstructionPlanner
{
    /// <summary>Plans construction; members the constructor or an object initializer sets are switched to <see cref="MemberAccess.Constructor"/>.</summary>
    public static Construction Plan(INamedTypeSymbol type, List<List<MemberModel>> levels, IAssemblySymbol from)
    {
        if (type.IsAbstract) return Simple(ConstructionKind.Abstract);
        if (PrimaryConstructor(type) is { } primary)
        {
            var arguments = MapArguments(primary, levels);
            return new Construction(ConstructionKind.Constructor, arguments, TakeRequiredMembers(type, levels));
        }

        var parameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
        if (type.IsValueType || (parameterless is not null && SymbolNames.IsVisible(parameterless, from)))
        {
            return new Construction(ConstructionKind.Constructor, EquatableArray<ConstructorArgument>.Empty, TakeRequiredMembers(type, levels));
        }

        return Simple(parameterless is null ? ConstructionKind.Uninitialized : ConstructionKind.PrivateConstructor);
    }

    private static Construction Simple(ConstructionKind kind) =>
        new(kind, EquatableArray<ConstructorArgument>.Empty, EquatableArray<MemberRef>.Empty);

    /// <summary>The primary constructor of a positional record (declared on the record's own declaration).</summary>
    private static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type)
    {
        if (!type.IsRecord) return null;
        return type.InstanceConstructors.FirstOrDefault(c =>
            c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is RecordDeclarationSyntax { ParameterList: not null }));
    }

    /// <summary>Feeds each parameter from the member of the same name anywhere in the hierarchy, or its default.</summary>
    private static EquatableArray<ConstructorArgument> MapArguments(IMethodSymbol constructor, List<List<MemberModel>> levels)
    {
        var arguments = new List<ConstructorArgument>();
        foreach (var parameter in constructor.Parameters)
        {
            var fallback = DefaultValues.Expression(parameter);
            var match = FindMember(levels, parameter.Name);
            if (match is { } found) levels[found.Level][found.Index] = levels[found.Level][found.Index] with { Write = MemberAccess.Constructor };
            arguments.Add(new ConstructorArgument(match, fallback));
        }

        return arguments.ToEquatableArray();
    }

    private static MemberRef? FindMember(List<List<MemberModel>> levels, string name)
    {
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            for (var level = 0; level < levels.Count; level++)
            {
                var index = levels[level].FindIndex(m => string.Equals(m.Name, name, comparison));
                if (index >= 0) return new MemberRef(level, index);
            }
        }

        return null;
    }

    /// <summary>`required` members must be set in the object initializer, or `new T()` does not compile.</summary>
    private static EquatableArray<MemberRef> TakeRequiredMembers(INamedTypeSymbol type, List<List<MemberModel>> levels)
    {
        var requiredNames = new HashSet<string>(
            AllTypes(type).SelectMany(t => t.GetMembers()).Where(IsRequired).Select(m => m.Name));
        var refs = new List<MemberRef>();
        for (var level = 0; level < levels.Count; level++)
        {
            for (var index = 0; index < levels[level].Count; index++)
            {
                var member = levels[level][index];
                if (!requiredNames.Contains(member.Name) || member.Write == MemberAccess.Constructor) continue;
                levels[level][index] = levels[level][index] with { Write = MemberAccess.Constructor };
                refs.Add(new MemberRef(level, index));
            }
        }

        return refs.ToEquatableArray();
    }

    private static bool IsRequired(ISymbol member) => member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType) yield return current;
    }
}
