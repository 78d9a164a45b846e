using Orleans;
using Orleans.Core;
using Orleans.Runtime;

namespace Shop.Infrastructure;

/// <summary>Writing grain state so that a failed write never leaves the activation holding changes storage does not have.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Writes <paramref name="state"/>; when the write fails, the activation is deactivated so the next call
    /// reads what storage actually holds instead of the unsaved in-memory changes, then the failure is rethrown.
    /// </summary>
    public static async Task PersistAsync(this Grain grain, IStorage state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "A state write failed; the next activation reloads the stored state."));
            throw;
        }
    }
}
