using System.Reflection;
using Granary;

namespace Shop.Silo;

/// <summary>
/// The grain types this process can activate: grain classes in the loaded assemblies that use Granary.
/// The runtime has loaded every grain assembly the silo references by the time the silo is active.
/// </summary>
internal static class HostedGrainTypes
{
    public static IReadOnlyList<string> Find()
    {
        var abstractions = typeof(IGrainBase).Assembly;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && (a == abstractions || a.GetReferencedAssemblies().Any(r => r.Name == abstractions.GetName().Name)))
            .SelectMany(LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGrainBase).IsAssignableFrom(t))
            .Select(NameOf)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The grain type name as GrainType documents it: [GrainType], or the class name without "Grain", lower-cased.</summary>
    private static string NameOf(Type grainClass)
    {
        if (grainClass.GetCustomAttribute<GrainTypeAttribute>() is { } explicitName) return explicitName.GrainType;
        var name = grainClass.Name.Split('`')[0];
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length) name = name[..^"Grain".Length];
        return name.ToLowerInvariant();
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
