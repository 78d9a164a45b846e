namespace Granary.Placement;

/// <summary>Base of placement attributes: how the runtime picks the silo for a new activation of a grain class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute : Attribute;

/// <summary>Place new activations on a random active silo.</summary>
public sealed class RandomPlacementAttribute : PlacementAttribute;

/// <summary>Place new activations on the calling silo when it is active (the gateway, for client calls).</summary>
public sealed class PreferLocalPlacementAttribute : PlacementAttribute;

/// <summary>Place new activations on the silo chosen by a hash of the grain id (stable while membership is).</summary>
public sealed class HashBasedPlacementAttribute : PlacementAttribute;

/// <summary>Place new activations on the less loaded of two random silos, by activation count.</summary>
public sealed class ActivationCountBasedPlacementAttribute : PlacementAttribute;
