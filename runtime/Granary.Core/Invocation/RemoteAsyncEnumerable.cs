using System.Runtime.CompilerServices;
using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Invocation;

/// <summary>
/// The caller's side of a grain method returning <see cref="IAsyncEnumerable{T}"/>: the first call starts the
/// enumeration on the activation and returns a first batch; later batches are pulled from that activation.
/// </summary>
internal static class RemoteAsyncEnumerable
{
    public static async IAsyncEnumerable<T> Enumerate<T>(
        GrainReferenceRuntime runtime,
        GrainReference target,
        AsyncEnumerableInvokable<T> request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (cancellationToken.CanBeCanceled && request.IsCancellable) request.CancellationToken = cancellationToken;
        var batch = (EnumerationBatch)(await runtime.InvokeAsync(target, request))!;
        try
        {
            while (true)
            {
                foreach (var item in batch.Items) yield return (T)item!;
                if (batch.Completed) yield break;
                cancellationToken.ThrowIfCancellationRequested();
                var next = new EnumerationNextRequest(batch.EnumerationId);
                batch = (EnumerationBatch)(await runtime.SendRequest(target.GrainId, batch.ActivationId, next))!;
            }
        }
        finally
        {
            // Stopping early (break, exception, cancellation) releases the enumerator held by the activation.
            if (!batch.Completed) runtime.SendOneWay(target.GrainId, new EnumerationDisposeRequest(batch.EnumerationId), batch.ActivationId);
        }
    }
}

/// <summary>Items of a grain's enumeration delivered in one response.</summary>
[GenerateSerializer]
internal sealed record EnumerationBatch(
    [property: Id(0)] long ActivationId,
    [property: Id(1)] long EnumerationId,
    [property: Id(2)] object?[] Items,
    [property: Id(3)] bool Completed);

/// <summary>Implemented by activations: advances and releases enumerations started by callers.</summary>
internal interface IEnumerationHost
{
    ValueTask<object?> NextBatchAsync(long enumerationId);

    ValueTask<object?> DisposeEnumerationAsync(long enumerationId);
}

/// <summary>A request the runtime executes on the activation itself rather than on the grain instance.</summary>
internal interface ISystemRequest;

/// <summary>Pulls the next batch of an enumeration.</summary>
internal sealed class EnumerationNextRequest(long enumerationId) : Invokable, ISystemRequest
{
    public long EnumerationId { get; } = enumerationId;

    public override string MethodName => "NextBatch";

    public override Type InterfaceType => typeof(IEnumerationHost);

    public override int ArgumentCount => 0;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    public override void SetArgument(int index, object? value) => throw new ArgumentOutOfRangeException(nameof(index));

    public override ValueTask<object?> InvokeAsync(object target) => ((IEnumerationHost)target).NextBatchAsync(EnumerationId);
}

/// <summary>Releases an enumeration the caller stopped early.</summary>
internal sealed class EnumerationDisposeRequest(long enumerationId) : Invokable, ISystemRequest
{
    public long EnumerationId { get; } = enumerationId;

    public override string MethodName => "DisposeEnumeration";

    public override Type InterfaceType => typeof(IEnumerationHost);

    public override int ArgumentCount => 0;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    public override void SetArgument(int index, object? value) => throw new ArgumentOutOfRangeException(nameof(index));

    public override ValueTask<object?> InvokeAsync(object target) => ((IEnumerationHost)target).DisposeEnumerationAsync(EnumerationId);
}
