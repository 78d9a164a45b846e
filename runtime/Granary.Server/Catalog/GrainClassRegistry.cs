using System.Reflection;
using Granary.Invocation;
using Granary.Metadata;
using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>
/// Grain classes of the application and which grain type implements each grain interface. Built once at
/// start-up from generated metadata; a clash of names or an ambiguous interface stops start-up.
/// </summary>
internal sealed class GrainClassRegistry : IGrainTypeResolver
{
    private static readonly HashSet<Type> MarkerInterfaces =
    [
        typeof(IAddressable), typeof(IGrain), typeof(IGrainObserver), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey),
        typeof(IGrainWithIntegerKey), typeof(IGrainWithGuidCompoundKey), typeof(IGrainWithIntegerCompoundKey),
    ];

    private readonly Dictionary<GrainType, GrainClassInfo> _classes = [];
    private readonly Dictionary<Type, List<GrainType>> _implementations = [];

    public GrainClassRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        GranaryMetadata.LoadApplication(ApplicationAssemblies(assemblies));
        foreach (var classType in GranaryMetadata.GrainClasses.OrderBy(t => t.FullName, StringComparer.Ordinal)) Add(classType);
    }

    public IReadOnlyCollection<GrainClassInfo> Classes => _classes.Values;

    public GrainClassInfo GetClass(GrainType grainType) =>
        _classes.TryGetValue(grainType, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class has grain type '{grainType}'. Known types: {string.Join(", ", _classes.Keys.Select(k => k.Value).Order(StringComparer.Ordinal))}.");

    public bool TryGetClass(GrainType grainType, out GrainClassInfo grainClass) => _classes.TryGetValue(grainType, out grainClass!);

    public GrainType GetGrainType(Type interfaceType)
    {
        if (!_implementations.TryGetValue(interfaceType, out var types))
            throw new InvalidOperationException($"No grain class implements {interfaceType.FullName}. Is the assembly declaring the grain class referenced by the silo?");
        if (types.Count > 1)
            throw new InvalidOperationException($"{interfaceType.FullName} is implemented by several grain classes ({string.Join(", ", types)}); call GetGrain with a GrainId instead.");
        return types[0];
    }

    /// <summary>Interface wire names to grain types, for clients that hold no grain classes.</summary>
    public Dictionary<string, string> InterfaceManifest() =>
        _implementations.Where(i => i.Value.Count == 1).ToDictionary(i => Serialization.TypeNames.GetName(i.Key), i => i.Value[0].Value, StringComparer.Ordinal);

    private void Add(Type classType)
    {
        var info = new GrainClassInfo(GrainClassInfo.NameOf(classType), classType);
        if (_classes.TryGetValue(info.GrainType, out var existing))
            throw new InvalidOperationException(
                $"Grain classes {existing.ClassType.FullName} and {classType.FullName} both have grain type '{info.GrainType}'. Give one a [GrainType(\"...\")].");
        _classes[info.GrainType] = info;
        foreach (var grainInterface in classType.GetInterfaces().Where(i => typeof(IAddressable).IsAssignableFrom(i) && !MarkerInterfaces.Contains(i)))
        {
            if (!_implementations.TryGetValue(grainInterface, out var list)) _implementations[grainInterface] = list = [];
            list.Add(info.GrainType);
        }
    }

    private static IEnumerable<Assembly> ApplicationAssemblies(IEnumerable<GrainAssembly> explicitAssemblies)
    {
        var granary = typeof(IGrain).Assembly.GetName().Name;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.GetReferencedAssemblies().Any(r => r.Name == granary));
        var entry = Assembly.GetEntryAssembly() is { } e ? [e] : Array.Empty<Assembly>();
        return entry.Concat(loaded).Concat(explicitAssemblies.Select(a => a.Assembly)).Distinct();
    }
}

/// <summary>An assembly of grain classes added explicitly with <c>silo.AddGrainAssembly(...)</c>.</summary>
internal sealed record GrainAssembly(Assembly Assembly);
