using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>Reads one grain-interface method, reporting GRAN001, GRAN002, GRAN005, GRAN006 and GRAN007.</summary>
internal static class GrainMethodReader
{
    public static GrainMethodModel Read(IMethodSymbol method, TypeIdentity declaring, int index, List<DiagnosticInfo> diagnostics)
    {
        var before = diagnostics.Count;
        var methodName = method.ContainingType.Name + "." + method.Name;
        var (kind, result) = ClassifyReturn(method.ReturnType);
        var isOneWay = SymbolNames.HasAttribute(method, KnownNames.OneWayAttribute);
        if (kind == ReturnKind.Unsupported)
        {
            diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.UnsupportedReturnType, method, methodName, method.ReturnType.ToDisplayString()));
        }
        else if (isOneWay && kind is not (ReturnKind.Task or ReturnKind.ValueTask))
        {
            diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.OneWayNeedsTask, method, methodName, method.ReturnType.ToDisplayString()));
        }
        else if (result is not null && !TypeRules.IsSerializable(result))
        {
            diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.NotSerializable, method, "return value", methodName, result.ToDisplayString()));
        }

        if (method.IsGenericMethod) diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.GenericMethod, method, methodName));
        var parameters = method.Parameters.Select(p => ReadParameter(p, methodName, diagnostics)).ToEquatableArray();
        var arguments = method.Parameters.Where(p => !IsCancellationToken(p.Type)).ToList();
        return new GrainMethodModel(
            declaring,
            method.Name,
            index,
            kind,
            SymbolNames.Annotated(method.ReturnType),
            result is null ? "" : SymbolNames.Annotated(result),
            parameters,
            method.TypeParameters.Select(t => t.Name).ToEquatableArray(),
            Options(method, isOneWay),
            isOneWay,
            arguments.All(p => SymbolNames.HasAttribute(p, KnownNames.ImmutableAttribute) || TypeRules.IsImmutable(p.Type)),
            IsSupported: diagnostics.Count == before);
    }

    public static bool IsCancellationToken(ITypeSymbol type) => SymbolNames.MetadataName(type) == KnownNames.CancellationToken;

    private static GrainParameterModel ReadParameter(IParameterSymbol parameter, string methodName, List<DiagnosticInfo> diagnostics)
    {
        var modifier = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => "",
        };
        if (modifier.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.ByRefParameter, parameter, parameter.Name, methodName, modifier.Trim()));
        }

        var isToken = IsCancellationToken(parameter.Type);
        if (!isToken && !TypeRules.IsSerializable(parameter.Type))
        {
            diagnostics.Add(DiagnosticInfo.Create(GranaryDiagnostics.NotSerializable, parameter, "parameter '" + parameter.Name + "'", methodName, parameter.Type.ToDisplayString()));
        }

        return new GrainParameterModel(SymbolNames.Identifier(parameter.Name), SymbolNames.Annotated(parameter.Type), isToken, modifier);
    }

    private static (ReturnKind Kind, ITypeSymbol? Result) ClassifyReturn(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named) return (ReturnKind.Unsupported, null);
        return SymbolNames.MetadataName(named.OriginalDefinition) switch
        {
            KnownNames.Task => (ReturnKind.Task, null),
            KnownNames.ValueTask => (ReturnKind.ValueTask, null),
            KnownNames.TaskOfT => (ReturnKind.TaskOfT, named.TypeArguments[0]),
            KnownNames.ValueTaskOfT => (ReturnKind.ValueTaskOfT, named.TypeArguments[0]),
            KnownNames.AsyncEnumerable => (ReturnKind.AsyncEnumerable, named.TypeArguments[0]),
            _ => (ReturnKind.Unsupported, null),
        };
    }

    private static string Options(IMethodSymbol method, bool isOneWay)
    {
        var options = new List<string>();
        if (isOneWay) options.Add("OneWay");
        if (SymbolNames.HasAttribute(method, KnownNames.ReadOnlyAttribute)) options.Add("ReadOnly");
        if (SymbolNames.HasAttribute(method, KnownNames.AlwaysInterleaveAttribute)) options.Add("AlwaysInterleave");
        return string.Join(" | ", options.Select(o => "global::Granary.Invocation.InvokeMethodOptions." + o));
    }
}
