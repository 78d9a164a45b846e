using System.Reflection;
using Granary.Concurrency;
using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>What the runtime knows about one grain class, read once at start-up.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(GrainType grainType, Type classType)
    {
        GrainType = grainType;
        ClassType = classType;
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        var worker = classType.GetCustomAttribute<StatelessWorkerAttribute>();
        MaxLocalWorkers = worker is null ? 0 : worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Amount;
        HasOwnIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
    }

    public GrainType GrainType { get; }

    public Type ClassType { get; }

    public bool IsReentrant { get; }

    /// <summary>Most local activations per id for [StatelessWorker] classes; 0 for ordinary grains.</summary>
    public int MaxLocalWorkers { get; }

    public bool IsStatelessWorker => MaxLocalWorkers > 0;

    /// <summary>From [CollectionAgeLimit]; null to use the configured default.</summary>
    public TimeSpan? CollectionAge { get; }

    /// <summary>The grain class filters its own incoming calls.</summary>
    public bool HasOwnIncomingFilter { get; }

    /// <summary>Derives a grain type name from a class: <c>ShoppingCartGrain</c> becomes <c>shoppingcart</c>.</summary>
    public static GrainType NameOf(Type classType)
    {
        if (classType.GetCustomAttribute<GrainTypeAttribute>() is { } explicitName) return new GrainType(explicitName.GrainType);
        var name = classType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length) name = name[..^"Grain".Length];
        return new GrainType(name.ToLowerInvariant());
    }
}
