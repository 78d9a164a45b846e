using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Api.Problems;

/// <summary>RFC 7807 problem details that always name the field at fault in <c>errors</c>, as validation problems do.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string field, string message) => Field(StatusCodes.Status404NotFound, "Not found", field, message);

    public static ProblemHttpResult Conflict(string field, string message) => Field(StatusCodes.Status409Conflict, "Conflict", field, message);

    public static ProblemHttpResult Unprocessable(string field, string message) =>
        Field(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed", field, message);

    public static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(Details(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed", errors));

    public static ProblemHttpResult Field(int status, string title, string field, string message) =>
        TypedResults.Problem(Details(status, title, new Dictionary<string, string[]> { [field] = [message] }));

    public static ProblemDetails Details(int status, string title, IDictionary<string, string[]> errors) => new()
    {
        Status = status,
        Title = title,
        Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        Extensions = { ["errors"] = errors },
    };
}
