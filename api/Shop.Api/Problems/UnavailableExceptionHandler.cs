using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Shop.Storage;

namespace Shop.Api.Problems;

/// <summary>
/// Answers 503 with <c>Retry-After</c> when a request failed because something the shop depends on is briefly out
/// of reach (the database, a silo or gateway, a call that timed out), rather than a 500 that tells the client the
/// shop itself is at fault. Every POST can be retried safely with its <c>Idempotency-Key</c>.
/// </summary>
internal sealed partial class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying: the time the cluster usually needs to recover from a lost silo.</summary>
    public const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Cause(exception) is not { } cause) return false;
        LogUnavailable(httpContext.Request.Method, httpContext.Request.Path, cause.GetType().Name, cause.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The shop is briefly unavailable",
                Detail = "A service the shop depends on did not answer. Retry the request (with the same Idempotency-Key for a POST).",
            },
        });
    }

    /// <summary>
    /// The transient failure in the exception's chain, if any (storage and runtime failures arrive wrapped). The silos
    /// report a database out of reach as <see cref="StorageUnavailableException"/>; any other database error (a missing
    /// table, a broken query) stays a 500.
    /// </summary>
    internal static Exception? Cause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StorageUnavailableException or TimeoutException or SiloUnavailableException or ConnectionFailedException
                or GatewayTooBusyException or OrleansMessageRejectionException or ClientNotAvailableException)
                return current;
        }

        return null;
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Failure}: {Reason}")]
    private partial void LogUnavailable(string method, PathString path, string failure, string reason);
}
