using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Shop.Api.Problems;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, missing bodies, unparsable route or query values,
/// oversized bodies) into problem details naming the field, instead of a bare 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;
        var (field, message) = Describe(badRequest);
        var status = badRequest.StatusCode;
        var title = status switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large",
            StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON",
            _ => "The request is malformed",
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ApiProblems.Details(status, title, new Dictionary<string, string[]> { [field] = [message] }),
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
            return (FieldOf(json.Path), IsConversionFailure(json) ? "has the wrong type or format." : "is not valid JSON.");
        if (BindFailure().Match(exception.Message) is { Success: true } bind)
            return (bind.Groups["name"].Value, $"'{bind.Groups["value"].Value}' is not a valid {bind.Groups["type"].Value}.");
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge) return ("body", "exceeds the size limit.");
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType) return ("body", "must be sent as application/json.");
        return ("body", exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "is required." : exception.Message);
    }

    /// <summary>A well-formed value of the wrong type, as opposed to text that is not JSON at all.</summary>
    private static bool IsConversionFailure(JsonException exception) =>
        exception.Path is not (null or "$") && exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);

    /// <summary>"$.lines[0].quantity" becomes "lines[0].quantity"; the root becomes "body".</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();
}
