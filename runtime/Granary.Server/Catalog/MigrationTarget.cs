using Granary.Runtime;
using Granary.SystemTargets;

namespace Granary.Catalog;

/// <summary>Receives activations other silos move here, with the state they carried.</summary>
internal interface IMigrationTarget : ISystemTarget
{
    /// <summary>
    /// Creates the grain's activation here from its dehydrated values and registers it; true once it holds the grain,
    /// false when this silo cannot take it (another activation exists or won the directory), so the caller falls back.
    /// </summary>
    /// <param name="previous">The activation it replaces, already unregistered on its silo.</param>
    /// <param name="values">The dehydrated values.</param>
    Task<bool> Accept(GrainDirectory.GrainAddress previous, Dictionary<string, byte[]> values);
}

internal sealed class MigrationTarget(GrainCatalog catalog, GrainClassRegistry registry, IGrainReferenceFactory references) : IMigrationTarget
{
    public static readonly GrainType TargetType = new("sys.migration");

    public Task<bool> Accept(GrainDirectory.GrainAddress previous, Dictionary<string, byte[]> values)
    {
        var grainId = previous.GrainId;
        var grainClass = registry.GetClass(grainId.Type);
        return catalog.TryAcceptMigrated(previous, grainClass, new MigrationContext(grainId, values, references));
    }
}
