using Granary.Messaging;
using Granary.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Granary.Invocation;

/// <summary>
/// Turns calls on grain references into messages: runs outgoing filters, attaches request context,
/// call chain and trace headers, registers the response callback and hands the message to the message center.
/// </summary>
internal sealed partial class GrainReferenceRuntime(
    IServiceProvider services,
    CallbackTable callbacks,
    IEnumerable<IOutgoingGrainCallFilter> outgoingFilters,
    ILogger<GrainReferenceRuntime> logger) : IGrainReferenceRuntime
{
    private readonly IOutgoingGrainCallFilter[] _filters = [.. outgoingFilters];
    private IMessageCenter? _messageCenter;

    // Resolved on first use: the message center depends on the catalog, which depends on grain factories built on this.
    private IMessageCenter MessageCenter => _messageCenter ??= services.GetRequiredService<IMessageCenter>();

    public ValueTask<object?> InvokeAsync(GrainReference target, Invokable request) =>
        OptionalFilters.AnyActive(_filters) ? InvokeWithFiltersAsync(target, request, oneWay: false) : SendRequest(target.GrainId, 0, request);

    public void InvokeOneWay(GrainReference target, Invokable request)
    {
        if (!OptionalFilters.AnyActive(_filters))
        {
            SendOneWay(target.GrainId, request);
            return;
        }

        _ = ObserveOneWayFailureAsync(InvokeWithFiltersAsync(target, request, oneWay: true), target, request);
    }

    public IAsyncEnumerable<T> InvokeAsyncEnumerable<T>(GrainReference target, AsyncEnumerableInvokable<T> request) =>
        RemoteAsyncEnumerable.Enumerate(this, target, request);

    /// <summary>Sends a request to a grain (or to one activation of it) and returns its response.</summary>
    internal ValueTask<object?> SendRequest(GrainId target, long targetActivation, Invokable request)
    {
        var cancellationToken = request.IsCancellable ? request.CancellationToken : default;
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<object?>(cancellationToken);

        var message = CreateMessage(target, targetActivation, request, MessageDirection.Request);
        var response = callbacks.Register(message);
        if (cancellationToken.CanBeCanceled) ForwardCancellation(message, cancellationToken, response);
        MessageCenter.Send(message);
        return new ValueTask<object?>(response);
    }

    internal void SendOneWay(GrainId target, Invokable request, long targetActivation = 0) =>
        MessageCenter.Send(CreateMessage(target, targetActivation, request, MessageDirection.OneWay));

    private static Message CreateMessage(GrainId target, long targetActivation, Invokable request, MessageDirection direction)
    {
        var current = CallContext.Current;
        return new Message
        {
            Id = Ids.Next(),
            Direction = direction,
            Target = target,
            TargetActivation = targetActivation,
            Sender = current?.Grain,
            Body = request,
            RequestContext = RequestContext.Export(),
            CallChain = current?.OutgoingChain,
            AllowCallChainReentrancy = RequestContext.IsCallChainReentrancyAllowed,
        };
    }

    // The caller stops waiting at once; the callee is told, so a cancellable method can stop its work too.
    private void ForwardCancellation(Message request, CancellationToken cancellationToken, Task response)
    {
        var registration = cancellationToken.Register(() =>
        {
            if (!callbacks.TryCancel(request.Id)) return;
            MessageCenter.Send(new Message
            {
                Id = Ids.Next(),
                Direction = MessageDirection.Cancel,
                Target = request.Target,
                TargetActivation = request.TargetActivation,
                CancelledRequestId = request.Id,
            });
        });
        response.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, TaskScheduler.Default);
    }

    private async ValueTask<object?> InvokeWithFiltersAsync(GrainReference target, Invokable request, bool oneWay)
    {
        var context = new OutgoingCallContext(this, target, request, _filters, oneWay);
        await context.Invoke();
        return context.Result;
    }

    private async Task ObserveOneWayFailureAsync(ValueTask<object?> call, GrainReference target, Invokable request)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogOneWayFilterFailed(exception, request.ToString(), target.GrainId);
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "An outgoing filter failed the one-way call {Method} to {Target}")]
    private partial void LogOneWayFilterFailed(Exception exception, string method, GrainId target);
}
