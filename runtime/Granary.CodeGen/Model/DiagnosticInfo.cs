using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Granary.CodeGen.Model;

/// <summary>
/// A diagnostic to report, held as plain data: Roslyn's Diagnostic and Location keep syntax trees alive
/// and defeat pipeline caching, so they are only created at the reporting step.
/// </summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(symbol), arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            Analysis.GranaryDiagnostics.ById(DescriptorId),
            Location?.ToLocation(),
            Arguments.AsSpan().ToArray());
}

/// <summary>A source location as plain data.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.SourceTree is null) continue;
            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }

        return null;
    }

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A value paired with the diagnostics found while reading it.</summary>
internal sealed record WithDiagnostics<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class, IEquatable<T>;
