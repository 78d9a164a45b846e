using System.Collections.Concurrent;

namespace Granary.Serialization;

/// <summary>
/// Wire names of types: the [Alias] when present, else the full name with the assembly's simple name
/// (no version, culture or key), generic arguments written recursively in the form <see cref="Type.GetType(string)"/> parses.
/// </summary>
internal static class TypeNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    /// <summary>The stable wire name of <paramref name="type"/>.</summary>
    public static string GetName(Type type)
    {
        if (Names.TryGetValue(type, out var name)) return name;
        name = TypeNameFormatter.Format(type);
        // Seeding the reverse map lets aliases and names from this process resolve without a search.
        Types.TryAdd(name, type);
        return Names.GetOrAdd(type, name);
    }

    /// <summary>The type named <paramref name="name"/>, with its assembly's generated metadata loaded; null when unknown.</summary>
    public static Type? Resolve(string name)
    {
        if (Types.TryGetValue(name, out var type)) return type;
        type = TypeNameResolver.Resolve(name);
        // Misses are not cached: names come off the wire, and a hostile peer could grow the cache without bound.
        if (type is null) return null;
        LoadMetadata(type);
        return Types.GetOrAdd(name, type);
    }

    /// <summary>Loads the generated metadata of every assembly the type is built from, so their codecs register.</summary>
    private static void LoadMetadata(Type type)
    {
        while (type.HasElementType) type = type.GetElementType()!;
        Metadata.GranaryMetadata.EnsureLoaded(type.Assembly);
        if (!type.IsConstructedGenericType) return;
        foreach (var argument in type.GetGenericArguments()) LoadMetadata(argument);
    }
}
