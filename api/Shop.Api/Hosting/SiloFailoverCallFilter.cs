using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Shop.Api.Hosting;

/// <summary>
/// Retries, a bounded number of times, a grain call whose silo or gateway went away before it answered: the
/// cluster re-activates the grain on a surviving silo once the dead one is declared (about a second with the tuned
/// failure detection), and the client reconnects through another gateway. Only failures that say "the target is
/// gone" are retried, never a grain's own exception or a timeout.
/// </summary>
internal sealed partial class SiloFailoverCallFilter(
    IOptions<ClientFailoverOptions> options, TimeProvider time, ILogger<SiloFailoverCallFilter> logger) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var settings = options.Value;
        var delay = settings.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            Exception? failure;
            try
            {
                await context.Invoke();
                failure = context.Response?.Exception;
            }
            catch (Exception exception) when (IsSiloGone(exception) && attempt < settings.MaxAttempts)
            {
                failure = exception;
            }

            if (failure is null || !IsSiloGone(failure) || attempt >= settings.MaxAttempts) return;
            LogRetry(context.InterfaceMethod?.Name ?? "?", context.TargetId, attempt, failure.GetType().Name);
            await Task.Delay(delay, time);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxRetryDelay.Ticks));
        }
    }

    // A silo that is stopping or was declared dead rejects a call without running it ("Silo stopping", a dead target),
    // and a gateway that cannot reach the target's silo rejects the call it could not send ("Unable to connect"), so
    // the retry cannot apply anything twice; it reaches the grain's new activation on a silo that stays.
    private static readonly string[] GoneRejections = ["dead", "stopping", "shutting down", "shut down", "unable to connect"];

    internal static bool IsSiloGone(Exception exception) =>
        exception is SiloUnavailableException or ConnectionFailedException or GatewayTooBusyException
        || (exception is OrleansMessageRejectionException
            && GoneRejections.Any(reason => exception.Message.Contains(reason, StringComparison.OrdinalIgnoreCase)));

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning,
        Message = "Grain call {Method} to {Target} failed on attempt {Attempt} ({Failure}): its silo is gone; retrying")]
    private partial void LogRetry(string method, GrainId target, int attempt, string failure);
}
