using Microsoft.AspNetCore.Http.Features;

namespace Shop.Api.Problems;

/// <summary>
/// Refuses bodies over <see cref="RequestLimits.MaxBodyBytes"/> with 413 problem details: a declared length is
/// refused before reading, and the server's own limit stops bodies sent without a length.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        if (context.Request.ContentLength > RequestLimits.MaxBodyBytes)
            throw new BadHttpRequestException($"The body exceeds {RequestLimits.MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        return next(context);
    }
}
