using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>GRAN003 (public member without [Id]) and GRAN004 (duplicate [Id]) for one [GenerateSerializer] type.</summary>
internal static class SerializableTypeValidator
{
    public static EquatableArray<DiagnosticInfo> Validate(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum) return EquatableArray<DiagnosticInfo>.Empty;
        var diagnostics = new List<DiagnosticInfo>();
        var typeName = type.ToDisplayString();
        var byId = new Dictionary<uint, IdMember>();
        foreach (var member in MemberFinder.DeclaredMembers(type))
        {
            if (member.Id is { } id)
            {
                if (byId.TryGetValue(id, out var first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.DuplicateId, member.Symbol, member.Name, typeName, id.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Name));
                }
                else
                {
                    byId.Add(id, member);
                }
            }
            else if (NeedsId(member.Symbol))
            {
                diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.MissingId, member.Symbol, member.Name, typeName));
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// Public state must be either numbered or explicitly ignored, so nothing is silently dropped on the wire.
    /// Computed get-only properties hold no state and are exempt.
    /// </summary>
    private static bool NeedsId(ISymbol member)
    {
        if (member.DeclaredAccessibility != Accessibility.Public || MemberFinder.IsIgnored(member)) return false;
        return member switch
        {
            IFieldSymbol => true,
            IPropertySymbol property => property.GetMethod is not null && (property.SetMethod is not null || MemberFinder.IsAutoProperty(property)),
            _ => false,
        };
    }
}
