using System.Diagnostics;
using Granary.Invocation;
using Granary.Messaging;
using Granary.Runtime;
using Granary.Timers;

namespace Granary.Catalog;

/// <summary>Running requests and timer ticks inside a turn.</summary>
internal sealed partial class ActivationData
{
    private readonly Dictionary<long, CancellationTokenSource> _cancellations = [];

    /// <summary>Runs a request and returns its response; the caller sends it once the turn's bookkeeping is done.</summary>
    private async Task<Response> InvokeAsync(Message message)
    {
        CallContext.Current = new IncomingCall(GrainId, ActivationId, message.Id, message.CallChain);
        RequestContext.Import(message.RequestContext);
        RequestContext.IsCallChainReentrancyAllowed = message.AllowCallChainReentrancy;
        var request = message.Request;
        var cancellation = RegisterCancellation(message, request);
        var started = Stopwatch.GetTimestamp();
        Response response;
        try
        {
            response = Response.FromResult(await InvokeRequestAsync(request, message.CallChain?[^1].Grain));
            _shared.Instruments.RecordCall(GrainClass.GrainType, request, started, failed: false);
        }
        catch (Exception exception)
        {
            _shared.Instruments.RecordCall(GrainClass.GrainType, request, started, failed: true);
            if (message.IsOneWay) LogOneWayFailed(exception, request.ToString(), GrainId);
            response = Response.FromException(exception);
        }
        finally
        {
            if (cancellation is not null) ReleaseCancellation(message.Id, cancellation);
        }

        return response;
    }

    private ValueTask<object?> InvokeRequestAsync(Invokable request, GrainId? caller)
    {
        if (request is ISystemRequest) return request.InvokeAsync(this);
        if (request is IAsyncEnumerableRequest enumerable) return StartEnumerationAsync(enumerable, request.CancellationToken);
        var target = ResolveTarget(request);
        var filters = _shared.IncomingFilters;
        if (!GrainClass.HasOwnIncomingFilter && !OptionalFilters.AnyActive(filters)) return request.InvokeAsync(target);
        return InvokeWithFiltersAsync(target, request, filters, caller);
    }

    private async ValueTask<object?> InvokeWithFiltersAsync(object target, Invokable request, IIncomingGrainCallFilter[] filters, GrainId? caller)
    {
        var context = new IncomingCallContext(target, GrainId, caller, request, filters);
        await context.Invoke();
        return context.Result;
    }

    private Task RunTimerTickAsync(GrainTimer timer, long tickId)
    {
        CallContext.Current = new IncomingCall(GrainId, ActivationId, tickId, null);
        return timer.RunTickAsync();
    }

    private CancellationTokenSource? RegisterCancellation(Message message, Invokable request)
    {
        if (!request.IsCancellable) return null;
        var source = new CancellationTokenSource();
        request.CancellationToken = source.Token;
        lock (_lock) _cancellations[message.Id] = source;
        return source;
    }

    private void ReleaseCancellation(long requestId, CancellationTokenSource source)
    {
        lock (_lock) _cancellations.Remove(requestId);
        source.Dispose();
    }

    /// <summary>Returns the token source of a running request to cancel outside the lock, or drops a waiting one.</summary>
    private CancellationTokenSource? CancelLocked(long requestId)
    {
        if (_cancellations.TryGetValue(requestId, out var source)) return source;

        // Not started yet: drop it from the queue; the caller already stopped waiting.
        if (_waiting.Any(w => w.Id == requestId))
        {
            var kept = _waiting.Where(w => w.Id != requestId).ToArray();
            _waiting.Clear();
            foreach (var work in kept) _waiting.Enqueue(work);
        }

        return null;
    }
}
