using Granary.Runtime;

namespace Granary.Invocation;

/// <summary>Finds the grain type that implements a grain interface: from local grain classes in a silo, from the cluster's manifest in a client.</summary>
internal interface IGrainTypeResolver
{
    /// <summary>The grain type implementing <paramref name="interfaceType"/>; throws naming the interface when none or several do.</summary>
    GrainType GetGrainType(Type interfaceType);
}
