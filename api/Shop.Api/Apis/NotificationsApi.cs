using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Contracts;
using Shop.Api.Problems;
using Shop.Notifications;

namespace Shop.Api.Apis;

/// <summary>Webhooks a user registers for order changes, and the log of deliveries to them.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/users/{id}").WithTags("Notifications");
        users.MapPost("/webhooks", AddWebhook).WithName("AddWebhook").WithSummary("Registers a URL that receives a POST for each order state change.");
        users.MapGet("/webhooks", GetWebhooks).WithName("GetWebhooks");
        users.MapGet("/notifications", GetNotifications).WithName("GetNotifications").WithSummary("The delivery log, newest first.");
        return routes;
    }

    public static async Task<Results<Created<WebhookResponse>, ValidationProblem, ProblemHttpResult>> AddWebhook(
        Guid id, AddWebhookRequest request, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!await UsersApi.Exists(cluster, id)) return UsersApi.UnknownUser();

        var webhook = await cluster.GetGrain<INotificationGrain>(id).AddWebhook(new Uri(request.Url!));
        return TypedResults.Created($"/api/v1/users/{id}/webhooks", WebhookResponse.From(webhook));
    }

    public static async Task<Results<Ok<IReadOnlyList<WebhookResponse>>, ProblemHttpResult>> GetWebhooks(Guid id, IClusterClient cluster)
    {
        if (!await UsersApi.Exists(cluster, id)) return UsersApi.UnknownUser();
        var webhooks = await cluster.GetGrain<INotificationGrain>(id).GetWebhooks();
        return TypedResults.Ok<IReadOnlyList<WebhookResponse>>([.. webhooks.Select(WebhookResponse.From)]);
    }

    public static async Task<Results<Ok<PageResponse<DeliveryResponse>>, ValidationProblem, ProblemHttpResult>> GetNotifications(
        Guid id, IClusterClient cluster, int skip = 0, int take = RequestLimits.DefaultPageSize)
    {
        var errors = new RequestErrors().Page(skip, take);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!await UsersApi.Exists(cluster, id)) return UsersApi.UnknownUser();

        var page = await cluster.GetGrain<INotificationGrain>(id).GetDeliveries(skip, take);
        return TypedResults.Ok(new PageResponse<DeliveryResponse>([.. page.Deliveries.Select(DeliveryResponse.From)], page.Total, skip, take));
    }
}
