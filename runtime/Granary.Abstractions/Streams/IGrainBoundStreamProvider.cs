using Granary.Runtime;

namespace Granary.Streams;

/// <summary>
/// A stream provider whose subscriptions belong to the grain that makes them. Grain activations share the
/// silo's services, so <c>this.GetStreamProvider(name)</c> asks the provider for a view bound to the grain.
/// </summary>
internal interface IGrainBoundStreamProvider
{
    /// <summary>The provider as seen by the activation <paramref name="grain"/>.</summary>
    IStreamProvider ForGrain(IGrainContext grain);
}
