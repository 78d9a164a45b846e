using System.Collections.Concurrent;
using Orleans;

namespace Shop.Grains.Tests;

/// <summary>
/// Failures injected into grain calls, keyed by "Interface.Method" and the grain key: an armed fault makes that
/// many calls throw before they reach the grain, the way a timeout or a dead silo would look to the caller.
/// </summary>
public sealed class Faults
{
    private readonly ConcurrentDictionary<string, int> _remaining = new();

    /// <summary>Makes the next <paramref name="times"/> calls of <paramref name="method"/> on the grain <paramref name="key"/> fail.</summary>
    public void Arm(string method, string key, int times = int.MaxValue) => _remaining[$"{method}/{key}"] = times;

    public void Disarm(string method, string key) => _remaining.TryRemove($"{method}/{key}", out _);

    /// <summary>How many more failures are armed for <paramref name="method"/> on <paramref name="key"/>.</summary>
    public int Remaining(string method, string key) => _remaining.GetValueOrDefault($"{method}/{key}");

    internal bool ShouldFail(string method, string key)
    {
        var name = $"{method}/{key}";
        while (_remaining.TryGetValue(name, out var left) && left > 0)
        {
            if (_remaining.TryUpdate(name, left == int.MaxValue ? left : left - 1, left)) return true;
        }

        return false;
    }
}

/// <summary>Throws armed faults before the call reaches the grain.</summary>
internal sealed class FaultFilter(Faults faults) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var method = $"{context.InterfaceMethod.DeclaringType!.Name}.{context.MethodName}";
        return faults.ShouldFail(method, context.TargetId.Key.ToString()!)
            ? throw new InjectedFaultException($"Injected fault in {method} on {context.TargetId}.")
            : context.Invoke();
    }
}

public sealed class InjectedFaultException(string message) : Exception(message);
