using System.Linq;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>Recognises grain classes: concrete classes implementing IGrainBase and at least one grain interface.</summary>
internal static class GrainClassReader
{
    /// <summary>The typeof operand naming the grain class, or null when the class is not a grain class.</summary>
    public static string? Read(INamedTypeSymbol type, IAssemblySymbol assembly)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || !SymbolNames.IsNameable(type.OriginalDefinition, assembly)) return null;
        if (!type.AllInterfaces.Any(i => SymbolNames.MetadataName(i) == KnownNames.GrainBaseInterface)) return null;
        if (!type.AllInterfaces.Any(GrainInterfaceReader.IsGrainInterface)) return null;
        return SymbolNames.Plain(type.IsGenericType ? type.ConstructUnboundGenericType() : type);
    }
}
