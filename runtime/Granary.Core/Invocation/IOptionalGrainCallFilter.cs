namespace Granary.Invocation;

/// <summary>
/// A filter that has nothing to do most of the time (tracing with no listener). When every registered
/// filter is inactive, the runtime skips the filter pipeline and its allocations for the call.
/// </summary>
internal interface IOptionalGrainCallFilter
{
    bool IsActive { get; }
}

internal static class OptionalFilters
{
    /// <summary>True when at least one filter must run for this call.</summary>
    public static bool AnyActive<TFilter>(TFilter[] filters)
    {
        foreach (var filter in filters)
        {
            if (filter is not IOptionalGrainCallFilter optional || optional.IsActive) return true;
        }

        return false;
    }
}
