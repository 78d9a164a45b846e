using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Contracts;
using Shop.Api.Idempotency;
using Shop.Api.Problems;
using Shop.Users;

namespace Shop.Api.Apis;

/// <summary>Users: registration with a unique email, and profiles.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/users").WithTags("Users");
        users.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Registers a user; the email must be unused.");
        users.MapGet("/{id}", GetUser).WithName("GetUser");
        return routes;
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var id = RequestIds.NewId(http, "user");
        var result = await cluster.GetGrain<IUserGrain>(id).Register(new RegisterUser(request.Email!.Trim(), request.Name!.Trim()));
        return result.Failure switch
        {
            RegistrationFailure.None => TypedResults.Created($"/api/v1/users/{id}", UserResponse.From(result.Profile!)),
            RegistrationFailure.EmailTaken => ApiProblems.Conflict("email", "is already registered to another user."),
            _ => ApiProblems.Conflict(IdempotencyMiddleware.HeaderName, "already created a different user."),
        };
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(Guid id, IClusterClient cluster) =>
        await cluster.GetGrain<IUserGrain>(id).GetProfile() is { } profile
            ? TypedResults.Ok(UserResponse.From(profile))
            : UnknownUser();

    internal static ProblemHttpResult UnknownUser(string field = "id") => ApiProblems.NotFound(field, "no user has this id.");

    internal static async Task<bool> Exists(IClusterClient cluster, Guid id) => await cluster.GetGrain<IUserGrain>(id).GetProfile() is not null;
}
