using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;

namespace Granary.Serialization;

/// <summary>
/// Resolves wire names. Names come from the network, so parsing is bounded, assemblies are only loaded
/// by simple name, and any failure to load or construct a type means "unknown" rather than an exception.
/// </summary>
internal static class TypeNameResolver
{
    private static readonly TypeNameParseOptions ParseOptions = new() { MaxNodes = 128 };
    private static readonly ConcurrentDictionary<string, Assembly> Assemblies = new(StringComparer.Ordinal);

    public static Type? Resolve(string name)
    {
        if (TypeAliases.FindKnown(name) is { } aliased) return aliased;
        if (!TypeName.TryParse(name.AsSpan(), out var parsed, ParseOptions)) return TypeAliases.Find(name);
        try
        {
            // An alias may itself look like an assembly-qualified name; it is the last resort.
            return Resolve(parsed) ?? TypeAliases.Find(name);
        }
        catch (Exception failure) when (failure is ArgumentException or TypeLoadException or IOException or BadImageFormatException or NotSupportedException)
        {
            // Constraint violations, missing or unloadable assemblies: the type is not known here.
            return null;
        }
    }

    private static Type? Resolve(TypeName name)
    {
        if (name.IsArray)
        {
            var element = Resolve(name.GetElementType());
            if (element is null || element.IsByRefLike) return null;
            return name.IsSZArray ? element.MakeArrayType() : element.MakeArrayType(name.GetArrayRank());
        }

        if (name.IsConstructedGenericType) return ResolveGeneric(name);
        if (name.IsPointer || name.IsByRef) return null;
        if (name.AssemblyName is null) return TypeAliases.Find(name.FullName);
        return LoadAssembly(name.AssemblyName.Name)?.GetType(name.FullName, throwOnError: false);
    }

    private static Type? ResolveGeneric(TypeName name)
    {
        var definition = Resolve(name.GetGenericTypeDefinition());
        var argumentNames = name.GetGenericArguments();
        if (definition is not { IsGenericTypeDefinition: true } || definition.GetGenericArguments().Length != argumentNames.Length) return null;
        var arguments = new Type[argumentNames.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = Resolve(argumentNames[i]);
            if (argument is null || argument.IsByRefLike) return null;
            arguments[i] = argument;
        }

        return definition.MakeGenericType(arguments);
    }

    private static Assembly? LoadAssembly(string simpleName)
    {
        if (Assemblies.TryGetValue(simpleName, out var assembly)) return assembly;
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (loaded.GetName().Name == simpleName) return Assemblies.GetOrAdd(simpleName, loaded);
        }

        try
        {
            return Assemblies.GetOrAdd(simpleName, Assembly.Load(new AssemblyName(simpleName)));
        }
        catch (Exception failure) when (failure is IOException or BadImageFormatException or ArgumentException)
        {
            return null;
        }
    }
}
