using Granary.Runtime;
using Granary.Serialization;

namespace Granary.GrainDirectory;

/// <summary>Where a grain is active: its silo and activation.</summary>
[GenerateSerializer]
internal sealed record GrainAddress(
    [property: Id(0)] string GrainType,
    [property: Id(1)] string GrainKey,
    [property: Id(2)] string Silo,
    [property: Id(3)] long ActivationId)
{
    public GrainId GrainId => GrainId.Create(GrainType, GrainKey);

    public SiloAddress SiloAddress => SiloAddress.Parse(Silo);

    public static GrainAddress Of(GrainId grainId, SiloAddress silo, long activationId) =>
        new(grainId.Type.Value, grainId.Key, silo.ToString(), activationId);
}

/// <summary>A silo's share of the directory, as called by other silos.</summary>
internal interface IRemoteGrainDirectory : SystemTargets.ISystemTarget
{
    /// <summary>Registers an activation unless another live one is registered; returns the registered one (the winner).</summary>
    Task<GrainAddress> Register(GrainAddress address);

    /// <summary>Registers an activation that already holds its grain (a re-registration or a hand-off after a ring change).</summary>
    Task<GrainAddress> Reregister(GrainAddress address);

    /// <summary>Removes the registration if it is still this activation.</summary>
    Task Unregister(GrainAddress address);

    /// <summary>The registered activation of a grain, or null.</summary>
    Task<GrainAddress?> Lookup(string grainType, string grainKey);

    /// <summary>The activation of a grain this silo holds and registered (whichever silo owns its entry), or null.</summary>
    Task<GrainAddress?> FindActivation(string grainType, string grainKey);
}
