using Microsoft.AspNetCore.Http.Features;

namespace Shop.Api.Problems;

/// <summary>
/// Refuses bodies over <see cref="RequestLimits.MaxBodyBytes"/> with 413 problem details; the server's own limit stops
/// bodies sent without a length. A client that sends a declared length without <c>Expect: 100-continue</c> is
/// still writing its body when the answer is ready; closing then would reset the connection and the client would
/// see the reset, not the 413. So a body up to <see cref="RequestLimits.MaxDrainedBodyBytes"/> is read and dropped
/// first, and the answer closes the connection only for larger ones.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature ? feature : null;
        if (limit is not null) limit.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        if (context.Request.ContentLength is { } length && length > RequestLimits.MaxBodyBytes)
        {
            if (length <= RequestLimits.MaxDrainedBodyBytes && limit is not null)
            {
                limit.MaxRequestBodySize = length;
                await DrainAsync(context.Request.Body, context.RequestAborted);
            }
            else
            {
                context.Response.Headers.Connection = "close";
            }

            throw new BadHttpRequestException($"The body exceeds {RequestLimits.MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        await next(context);
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (await body.ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }
}
