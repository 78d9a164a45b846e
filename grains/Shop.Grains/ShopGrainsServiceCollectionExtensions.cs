using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Shop.Diagnostics;
using Shop.Notifications;
using Shop.Orders;

namespace Shop;

/// <summary>What a silo hosting the shop's grains registers besides the grain classes themselves.</summary>
public static class ShopGrainsServiceCollectionExtensions
{
    /// <summary>The assembly of the shop's grain classes, for <c>silo.AddGrainAssembly(...)</c>.</summary>
    public static System.Reflection.Assembly GrainAssembly => typeof(ShopStorage).Assembly;

    /// <summary>
    /// Registers the grains' services and options (bound from <c>Shop:Orders</c>, <c>Shop:Webhooks</c> and <c>Shop:Retention</c>).
    /// The host must also register an <see cref="IWebhookTransport"/>, a grain storage named
    /// <see cref="ShopStorage.Name"/> and a stream provider named <see cref="Events.ShopStreams.Provider"/>.
    /// </summary>
    public static IServiceCollection AddShopGrains(this IServiceCollection services)
    {
        services.AddOptions<OrderSettlementOptions>().BindConfiguration(OrderSettlementOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrderSettlementOptions>, OrderSettlementOptionsValidator>());
        services.AddOptions<WebhookDeliveryOptions>().BindConfiguration(WebhookDeliveryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookDeliveryOptions>, WebhookDeliveryOptionsValidator>());
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookDispatcher>();
        services.AddMetrics();
        services.TryAddSingleton<ShopMetrics>();
        return services;
    }
}
