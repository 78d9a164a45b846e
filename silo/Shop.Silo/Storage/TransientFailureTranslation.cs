using System.Data.Common;
using Orleans.Runtime;
using Orleans.Storage;
using Shop.Storage;

namespace Shop.Silo.Storage;

/// <summary>
/// Wraps a grain storage provider so that a database briefly out of reach surfaces as
/// <see cref="StorageUnavailableException"/>, which callers across the cluster receive intact and can retry, instead of
/// the driver's exception, whose details (the SQLSTATE) do not survive the trip. Other failures pass through unchanged.
/// </summary>
internal sealed class TransientFailureTranslation(IGrainStorage inner, string name) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate("read", stateName, grainId, () => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate("write", stateName, grainId, () => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate("clear", stateName, grainId, () => inner.ClearStateAsync(stateName, grainId, grainState));

    // The inner provider opens its database connections in the silo lifecycle; it must still take part.
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task Translate(string operation, string stateName, GrainId grainId, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception exception) when (TransientDatabaseFailures.Find(exception) is { } cause)
        {
            throw new StorageUnavailableException(
                $"Storage '{name}' could not {operation} state '{stateName}' of {grainId}: its database is unavailable ({cause.GetType().Name}: {cause.Message}).");
        }
    }
}
