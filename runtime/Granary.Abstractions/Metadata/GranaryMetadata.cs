using System.Collections.Concurrent;
using System.Reflection;
using Granary.Runtime;

namespace Granary.Metadata;

/// <summary>
/// Process-wide registry of generated metadata. Generated types are static facts of the loaded code, so
/// one registry serves every silo and client in the process. Assemblies are read once, on first need.
/// </summary>
internal static class GranaryMetadata
{
    private static readonly ConcurrentDictionary<Assembly, bool> LoadedAssemblies = new();
    private static readonly ConcurrentDictionary<Type, Func<GrainId, IGrainReferenceRuntime, object>> ProxyFactories = new();
    private static readonly ConcurrentDictionary<Type, bool> GrainClassSet = new();
    private static readonly Lock PopulateLock = new();

    /// <summary>Grain classes of every assembly loaded so far.</summary>
    public static IReadOnlyCollection<Type> GrainClasses => (IReadOnlyCollection<Type>)GrainClassSet.Keys;

    /// <summary>Reads the generated metadata of <paramref name="assembly"/> if not done yet.</summary>
    public static void EnsureLoaded(Assembly assembly)
    {
        if (LoadedAssemblies.ContainsKey(assembly)) return;
        lock (PopulateLock)
        {
            if (LoadedAssemblies.ContainsKey(assembly)) return;
            var builder = new GranaryMetadataBuilder();
            foreach (var attribute in assembly.GetCustomAttributes<GranaryMetadataProviderAttribute>())
            {
                var provider = (IGranaryMetadataProvider)Activator.CreateInstance(attribute.ProviderType)!;
                provider.Populate(builder);
            }

            LoadedAssemblies[assembly] = true;
        }
    }

    /// <summary>Loads the metadata of an application: the given assemblies and every assembly they reference that uses Granary.</summary>
    public static void LoadApplication(IEnumerable<Assembly> roots)
    {
        var granary = typeof(GranaryMetadata).Assembly.GetName().Name;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>(roots);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.Add(assembly.FullName ?? assembly.GetName().Name!)) continue;
            EnsureLoaded(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFrameworkAssembly(reference.Name)) continue;
                try
                {
                    var loaded = Assembly.Load(reference);
                    if (loaded.GetName().Name == granary || loaded.GetReferencedAssemblies().Any(r => r.Name == granary)) pending.Push(loaded);
                }
                catch (FileNotFoundException)
                {
                    // Optional references of third-party packages need not be present.
                }
            }
        }
    }

    /// <summary>The proxy factory of a grain or observer interface, or null when none was generated.</summary>
    public static Func<GrainId, IGrainReferenceRuntime, object>? GetProxyFactory(Type interfaceType)
    {
        if (ProxyFactories.TryGetValue(interfaceType, out var factory)) return factory;
        EnsureLoaded(interfaceType.Assembly);
        return ProxyFactories.GetValueOrDefault(interfaceType);
    }

    internal static void RegisterProxy(Type interfaceType, Func<GrainId, IGrainReferenceRuntime, object> factory) =>
        ProxyFactories[interfaceType] = factory;

    internal static void RegisterGrainClass(Type grainClass) => GrainClassSet[grainClass] = true;

    private static bool IsFrameworkAssembly(string? name) =>
        name is null || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name is "netstandard" or "mscorlib" || name.StartsWith("xunit", StringComparison.Ordinal);
}
