using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>A field or property of a serialized type, with the [Id] found on it (or on its primary-constructor parameter).</summary>
internal sealed class IdMember(ISymbol symbol, ITypeSymbol type, uint? id)
{
    public ISymbol Symbol { get; } = symbol;

    public ITypeSymbol Type { get; } = type;

    public uint? Id { get; } = id;

    public string Name => Symbol.Name;
}
