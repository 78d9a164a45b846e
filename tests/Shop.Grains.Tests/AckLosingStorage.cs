using Orleans.Runtime;
using Orleans.Storage;

namespace Shop.Grains.Tests;

/// <summary>
/// Grain storage that can lose a write's acknowledgement: an armed write reaches the inner storage and then fails,
/// as when the database committed but the answer never came back. Armed through <see cref="Faults"/> with the
/// key "write:{state name}" and the grain's key; "clear:{state name}" makes a clear fail before it reaches the inner
/// storage, as when the database is down.
/// </summary>
internal sealed class AckLosingStorage(IGrainStorage inner, Faults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (faults.ShouldFail($"write:{stateName}", grainId.Key.ToString()!))
            throw new InjectedFaultException($"Injected lost acknowledgement of the '{stateName}' write of {grainId}.");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.ShouldFail($"clear:{stateName}", grainId.Key.ToString()!)
            ? throw new InjectedFaultException($"Injected unreachable storage for the '{stateName}' clear of {grainId}.")
            : inner.ClearStateAsync(stateName, grainId, grainState);
}
