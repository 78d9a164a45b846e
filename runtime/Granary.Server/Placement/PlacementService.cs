using System.Reflection;
using Granary.Catalog;
using Granary.Configuration;
using Granary.GrainDirectory;
using Granary.Membership;
using Granary.Placement;
using Granary.Runtime;
using Microsoft.Extensions.Options;

namespace Granary.Placement;

/// <summary>The placement strategies, chosen per grain class by attribute or by <see cref="PlacementOptions.DefaultStrategy"/>.</summary>
public enum PlacementStrategy
{
    /// <summary>A random active silo.</summary>
    Random,

    /// <summary>The calling silo.</summary>
    PreferLocal,

    /// <summary>A silo chosen by hashing the grain id.</summary>
    HashBased,

    /// <summary>The less loaded of two random silos.</summary>
    ActivationCountBased,
}

/// <summary>Placement settings. Bound from <c>Granary:Placement</c>.</summary>
public sealed class PlacementOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Placement";

    /// <summary>Strategy for grain classes without a placement attribute. Default: ActivationCountBased.</summary>
    public PlacementStrategy DefaultStrategy { get; set; } = PlacementStrategy.ActivationCountBased;
}

/// <summary>Picks the silo for a grain that has no activation. Stateless workers never come here: they are always local.</summary>
internal sealed class PlacementService(ILocalSiloDetails localSilo, IClusterMembershipView membership, SiloLoadTable load, IOptions<PlacementOptions> options)
{
    public SiloAddress Place(GrainClassInfo grainClass, GrainId grainId)
    {
        var candidates = membership.Current.ActiveSilos;
        var local = localSilo.SiloAddress;
        if (candidates.Length == 0) return local;
        switch (StrategyOf(grainClass.ClassType))
        {
            case PlacementStrategy.PreferLocal:
                return candidates.Contains(local) ? local : candidates[Random.Shared.Next(candidates.Length)];
            case PlacementStrategy.HashBased:
                return candidates[(int)(ConsistentRing.Hash(grainId.ToString()) % (uint)candidates.Length)];
            case PlacementStrategy.ActivationCountBased:
                var first = candidates[Random.Shared.Next(candidates.Length)];
                var second = candidates[Random.Shared.Next(candidates.Length)];
                return load.ActivationsOf(first) <= load.ActivationsOf(second) ? first : second;
            default:
                return candidates[Random.Shared.Next(candidates.Length)];
        }
    }

    private PlacementStrategy StrategyOf(Type classType) => classType.GetCustomAttribute<PlacementAttribute>() switch
    {
        RandomPlacementAttribute => PlacementStrategy.Random,
        PreferLocalPlacementAttribute => PlacementStrategy.PreferLocal,
        HashBasedPlacementAttribute => PlacementStrategy.HashBased,
        ActivationCountBasedPlacementAttribute => PlacementStrategy.ActivationCountBased,
        _ => options.Value.DefaultStrategy,
    };
}
