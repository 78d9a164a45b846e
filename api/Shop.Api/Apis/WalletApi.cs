using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Contracts;
using Shop.Api.Idempotency;
using Shop.Users;

namespace Shop.Api.Apis;

/// <summary>A user's wallet: deposits and the balance.</summary>
public static class WalletApi
{
    public static IEndpointRouteBuilder MapWalletApi(this IEndpointRouteBuilder routes)
    {
        var wallet = routes.MapGroup("/users/{id}/wallet").WithTags("Wallet");
        wallet.MapPost("/deposits", Deposit).WithName("Deposit").WithSummary("Adds money; the Idempotency-Key makes a retried deposit count once.");
        wallet.MapGet("/", GetWallet).WithName("GetWallet");
        return routes;
    }

    public static async Task<Results<Ok<WalletResponse>, ValidationProblem, ProblemHttpResult>> Deposit(
        Guid id, DepositRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!await UsersApi.Exists(cluster, id)) return UsersApi.UnknownUser();

        var wallet = await cluster.GetGrain<IWalletGrain>(id).Deposit(RequestIds.OperationId(http, "deposit"), request.Amount!.Value);
        return TypedResults.Ok(WalletResponse.From(id, wallet));
    }

    public static async Task<Results<Ok<WalletResponse>, ProblemHttpResult>> GetWallet(Guid id, IClusterClient cluster)
    {
        if (!await UsersApi.Exists(cluster, id)) return UsersApi.UnknownUser();
        return TypedResults.Ok(WalletResponse.From(id, await cluster.GetGrain<IWalletGrain>(id).GetSnapshot()));
    }
}
