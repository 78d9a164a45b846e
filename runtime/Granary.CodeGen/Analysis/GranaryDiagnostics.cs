using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>The generator's diagnostics. All are errors: each marks code the runtime could not call or serialize.</summary>
internal static class GranaryDiagnostics
{
    private const string Category = "Granary";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "GRAN001",
        "Grain method return type is not supported",
        "Grain method '{0}' returns '{1}'; grain methods must return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>");

    public static readonly DiagnosticDescriptor NotSerializable = Error(
        "GRAN002",
        "Grain method type is not serializable",
        "The {0} of grain method '{1}' has type '{2}', which is not serializable; mark it [GenerateSerializer] or use a supported type");

    public static readonly DiagnosticDescriptor MissingId = Error(
        "GRAN003",
        "Serialized member has no [Id]",
        "Public member '{0}' of [GenerateSerializer] type '{1}' has no [Id]; give it a stable [Id(n)] or mark it [NonSerialized], [JsonIgnore] or [IgnoreDataMember]");

    public static readonly DiagnosticDescriptor DuplicateId = Error(
        "GRAN004",
        "Duplicate [Id]",
        "Member '{0}' of '{1}' reuses [Id({2})], already given to '{3}'; ids must be unique within a type");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "GRAN005",
        "Generic grain methods are not supported",
        "Grain method '{0}' is generic; generic grain methods are not supported, make the interface generic or use concrete types");

    public static readonly DiagnosticDescriptor ByRefParameter = Error(
        "GRAN006",
        "ref, out and in parameters are not supported",
        "Parameter '{0}' of grain method '{1}' is passed by reference ({2}); grain calls cross processes, so pass and return values instead");

    public static readonly DiagnosticDescriptor OneWayNeedsTask = Error(
        "GRAN007",
        "[OneWay] method must return Task or ValueTask",
        "[OneWay] grain method '{0}' returns '{1}'; a one-way call has no result, so it must return Task or ValueTask");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        UnsupportedReturnType, NotSerializable, MissingId, DuplicateId, GenericMethod, ByRefParameter, OneWayNeedsTask,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
