using System.Collections.Concurrent;
using System.Reflection;

namespace Granary.Serialization;

/// <summary>
/// The [Alias] of types, both ways. Aliases seen while naming types are recorded; an alias not seen yet
/// is searched in the loaded assemblies that reference Granary, each assembly once.
/// </summary>
internal static class TypeAliases
{
    private static readonly ConcurrentDictionary<string, Type> ByAlias = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Assembly, bool> Searched = new();
    private static readonly string GranaryAssembly = typeof(TypeAliases).Assembly.GetName().Name!;

    /// <summary>The alias of <paramref name="type"/>, or null.</summary>
    public static string? Of(Type type)
    {
        var alias = type.GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias;
        if (alias is not null) ByAlias.TryAdd(alias, type);
        return alias;
    }

    /// <summary>The type carrying <paramref name="alias"/> among those seen so far, without searching assemblies.</summary>
    public static Type? FindKnown(string alias) => ByAlias.GetValueOrDefault(alias);

    /// <summary>The type carrying <paramref name="alias"/>, or null.</summary>
    public static Type? Find(string alias)
    {
        if (ByAlias.TryGetValue(alias, out var type)) return type;
        SearchNewAssemblies();
        return ByAlias.GetValueOrDefault(alias);
    }

    private static void SearchNewAssemblies()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!Searched.TryAdd(assembly, true) || !UsesGranary(assembly)) continue;
            foreach (var type in LoadableTypes(assembly))
            {
                if (type.GetCustomAttribute<AliasAttribute>(inherit: false) is { } attribute) ByAlias.TryAdd(attribute.Alias, type);
            }
        }
    }

    private static bool UsesGranary(Assembly assembly)
    {
        if (assembly.GetName().Name == GranaryAssembly) return true;
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name == GranaryAssembly) return true;
        }

        return false;
    }

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return [.. partial.Types.OfType<Type>()];
        }
    }
}
