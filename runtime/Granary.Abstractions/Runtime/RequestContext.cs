namespace Granary.Runtime;

/// <summary>
/// Ambient key/value pairs that flow with grain calls: set before a call, readable in the callee and in
/// anything it calls in turn. Values must be serializable to cross silos.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<Dictionary<string, object?>?> Values = new();
    private static readonly AsyncLocal<bool> CallChainReentrancy = new();

    /// <summary>Sets a value for the rest of this asynchronous flow and the calls it makes.</summary>
    public static void Set(string key, object? value)
    {
        // Copy on write: flows that branched off earlier keep their own view.
        var copy = Values.Value is { } current ? new Dictionary<string, object?>(current) : new Dictionary<string, object?>(1);
        copy[key] = value;
        Values.Value = copy;
    }

    /// <summary>Reads a value, or null when absent.</summary>
    public static object? Get(string key) =>
        Values.Value is { } current && current.TryGetValue(key, out var value) ? value : null;

    /// <summary>Removes a value; returns whether it was present.</summary>
    public static bool Remove(string key)
    {
        if (Values.Value is not { } current || !current.ContainsKey(key)) return false;
        var copy = new Dictionary<string, object?>(current);
        copy.Remove(key);
        Values.Value = copy.Count == 0 ? null : copy;
        return true;
    }

    /// <summary>Removes every value.</summary>
    public static void Clear() => Values.Value = null;

    /// <summary>The keys currently set.</summary>
    public static IReadOnlyCollection<string> Keys => Values.Value?.Keys ?? (IReadOnlyCollection<string>)[];

    /// <summary>
    /// Within the returned scope, calls made by this flow may re-enter grains already waiting in the call
    /// chain (A calls B calls A) instead of failing with a deadlock error.
    /// </summary>
    public static IDisposable AllowCallChainReentrancy()
    {
        var previous = CallChainReentrancy.Value;
        CallChainReentrancy.Value = true;
        return new ReentrancyScope(previous);
    }

    internal static bool IsCallChainReentrancyAllowed
    {
        get => CallChainReentrancy.Value;
        set => CallChainReentrancy.Value = value;
    }

    /// <summary>A snapshot to attach to an outgoing message; null when empty.</summary>
    internal static Dictionary<string, object?>? Export() => Values.Value;

    /// <summary>Installs the values carried by an incoming message for the flow that handles it.</summary>
    internal static void Import(Dictionary<string, object?>? values) => Values.Value = values;

    private sealed class ReentrancyScope(bool previous) : IDisposable
    {
        public void Dispose() => CallChainReentrancy.Value = previous;
    }
}
