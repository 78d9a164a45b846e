using Granary.Invocation;

namespace Granary.Runtime;

/// <summary>Sends invokables to the grain a reference points at. Implemented by the runtime.</summary>
public interface IGrainReferenceRuntime
{
    /// <summary>Sends a request and completes with the response.</summary>
    ValueTask<object?> InvokeAsync(GrainReference target, Invokable request);

    /// <summary>Sends a request without awaiting a response.</summary>
    void InvokeOneWay(GrainReference target, Invokable request);

    /// <summary>Starts a remote enumeration and streams its items back in batches.</summary>
    IAsyncEnumerable<T> InvokeAsyncEnumerable<T>(GrainReference target, AsyncEnumerableInvokable<T> request);
}

/// <summary>Creates grain references when a reference is read from the wire.</summary>
public interface IGrainReferenceFactory
{
    /// <summary>A reference to <paramref name="grainId"/> implementing <paramref name="interfaceType"/>.</summary>
    IAddressable CreateReference(GrainId grainId, Type interfaceType);
}

/// <summary>
/// Base of generated grain proxies: a typed handle to a grain. Holding one activates nothing;
/// calling a method sends a message to wherever the grain is active.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    /// <summary>Creates a reference.</summary>
    protected GrainReference(GrainId grainId, IGrainReferenceRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
    }

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; }

    /// <summary>The grain interface this proxy implements.</summary>
    public abstract Type InterfaceType { get; }

    /// <summary>The runtime that delivers calls.</summary>
    protected internal IGrainReferenceRuntime Runtime { get; }

    /// <summary>Sends a request for a method returning <see cref="Task"/>.</summary>
    protected Task InvokeTask(Invokable request)
    {
        var pending = Runtime.InvokeAsync(this, request);
        return pending.IsCompletedSuccessfully ? Task.CompletedTask : pending.AsTask();
    }

    /// <summary>Sends a request for a method returning <see cref="Task{TResult}"/>.</summary>
    protected Task<T> InvokeTask<T>(Invokable request)
    {
        var pending = Runtime.InvokeAsync(this, request);
        return pending.IsCompletedSuccessfully ? Task.FromResult((T)pending.Result!) : Await(pending);

        static async Task<T> Await(ValueTask<object?> pending) => (T)(await pending.ConfigureAwait(false))!;
    }

    /// <summary>Sends a request for a method returning <see cref="ValueTask"/>.</summary>
    protected ValueTask InvokeValueTask(Invokable request)
    {
        var pending = Runtime.InvokeAsync(this, request);
        return pending.IsCompletedSuccessfully ? default : new ValueTask(pending.AsTask());
    }

    /// <summary>Sends a request for a method returning <see cref="ValueTask{TResult}"/>.</summary>
    protected ValueTask<T> InvokeValueTask<T>(Invokable request)
    {
        var pending = Runtime.InvokeAsync(this, request);
        return pending.IsCompletedSuccessfully ? new ValueTask<T>((T)pending.Result!) : Await(pending);

        static async ValueTask<T> Await(ValueTask<object?> pending) => (T)(await pending.ConfigureAwait(false))!;
    }

    /// <summary>Sends a [OneWay] request; the returned task is already complete.</summary>
    protected Task InvokeOneWay(Invokable request)
    {
        Runtime.InvokeOneWay(this, request);
        return Task.CompletedTask;
    }

    /// <summary>Sends a request for a method returning <see cref="IAsyncEnumerable{T}"/>.</summary>
    protected IAsyncEnumerable<T> InvokeAsyncEnumerable<T>(AsyncEnumerableInvokable<T> request) =>
        Runtime.InvokeAsyncEnumerable(this, request);

    /// <inheritdoc />
    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";
}
