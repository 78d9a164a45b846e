using System.Security.Cryptography;
using System.Text;
using Orleans;
using Shop.Api.Problems;
using Shop.Idempotency;

namespace Shop.Api.Idempotency;

/// <summary>
/// Honours the <c>Idempotency-Key</c> header on every POST: the first request with a key runs and its response is
/// stored in the key's grain; the same key with the same method, path and body gets that response again without
/// running anything; the same key with anything else is 422. Server errors are not stored, so a retry runs again.
/// </summary>
internal sealed partial class IdempotencyMiddleware(RequestDelegate next, IClusterClient cluster, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotency-Replayed";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl) || values.Count > 1)
        {
            await WriteProblemAsync(context, ApiProblems.Field(StatusCodes.Status400BadRequest, "The request is malformed", HeaderName, $"must be one value of 1 to {MaxKeyLength} printable characters."));
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request);
        var grain = cluster.GetGrain<IIdempotencyGrain>(key);
        var decision = await grain.Begin(fingerprint);
        switch (decision.Outcome)
        {
            case IdempotencyOutcome.Replay:
                LogReplayed(key, context.Request.Path);
                await ReplayAsync(context, decision.Response!);
                return;
            case IdempotencyOutcome.Mismatch:
                await WriteProblemAsync(context, ApiProblems.Unprocessable(HeaderName, "was already used for a different request."));
                return;
            case IdempotencyOutcome.InProgress:
                await WriteProblemAsync(context, ApiProblems.Conflict(HeaderName, "a request with this key is still being processed; retry later."));
                return;
        }

        await RunAndStoreAsync(context, grain, fingerprint);
    }

    private async Task RunAndStoreAsync(HttpContext context, IIdempotencyGrain grain, string fingerprint)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await grain.Abandon(fingerprint);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode >= 500) await grain.Abandon(fingerprint);
        else await grain.Complete(fingerprint, new StoredResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray()));
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Method, path and body bytes: the body is buffered so the endpoint can still read it.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: RequestLimits.MaxBodyBytes, bufferLimit: RequestLimits.MaxBodyBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        if (stored.ContentType is not null) context.Response.ContentType = stored.ContentType;
        if (stored.Location is not null) context.Response.Headers.Location = stored.Location;
        context.Response.Headers[ReplayedHeaderName] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static Task WriteProblemAsync(HttpContext context, IResult problem) => problem.ExecuteAsync(context);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Replayed the stored response for idempotency key {Key} on {Path}")]
    private partial void LogReplayed(string key, PathString path);
}
