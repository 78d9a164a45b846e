using System.Collections.Concurrent;

namespace Granary.Serialization;

/// <summary>Wire names of types: the [Alias] when present, else the full name with the assembly's simple name.</summary>
internal static class TypeNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    public static string GetName(Type type) => Names.GetOrAdd(type, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    public static Type? Resolve(string name) => Types.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false));
}
