using System.Reflection;
using Granary.Invocation;
using Granary.Runtime;

namespace Granary;

/// <summary>A grain call as seen by a filter.</summary>
public interface IGrainCallContext
{
    /// <summary>The grain instance (incoming calls) or the grain reference (outgoing calls).</summary>
    object Grain { get; }

    /// <summary>The grain being called.</summary>
    GrainId TargetId { get; }

    /// <summary>The calling grain; null when the caller is not a grain.</summary>
    GrainId? SourceId { get; }

    /// <summary>The call: method and arguments.</summary>
    Invokable Request { get; }

    /// <summary>The interface method being called (found by reflection on first use).</summary>
    MethodInfo InterfaceMethod => Request.Method;

    /// <summary>The method's name.</summary>
    string MethodName => Request.MethodName;

    /// <summary>The result of the call, once <see cref="Invoke"/> completed; filters may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself after the last filter.</summary>
    Task Invoke();
}

/// <summary>A call arriving at a grain.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext;

/// <summary>A call leaving a grain or client.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext;

/// <summary>
/// Intercepts calls arriving at grains. Registered silo-wide through the silo builder, or implemented by
/// a grain class to intercept its own calls (that filter runs last, inside the activation's turn).
/// </summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles the call; call <see cref="IGrainCallContext.Invoke"/> to continue.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>Intercepts calls leaving grains and clients.</summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Handles the call; call <see cref="IGrainCallContext.Invoke"/> to continue.</summary>
    Task Invoke(IOutgoingGrainCallContext context);
}
