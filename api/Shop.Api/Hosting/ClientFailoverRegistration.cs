using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Shop.Api.Hosting;

/// <summary>Registers <see cref="ClientFailoverOptions"/>: the gateway refresh period and the <see cref="SiloFailoverCallFilter"/>.</summary>
internal static class ClientFailoverRegistration
{
    public static IClientBuilder AddShopClientFailover(this IClientBuilder client, IConfiguration configuration)
    {
        var services = client.Services;
        services.AddOptions<ClientFailoverOptions>().Bind(configuration.GetSection(ClientFailoverOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientFailoverOptions>, Validator>());
        services.AddOptions<GatewayOptions>().Configure<IOptions<ClientFailoverOptions>>((gateway, failover) =>
            gateway.GatewayListRefreshPeriod = failover.Value.GatewayListRefreshPeriod);
        services.TryAddSingleton(TimeProvider.System);
        client.AddOutgoingGrainCallFilter<SiloFailoverCallFilter>();
        return client;
    }

    private sealed class Validator : IValidateOptions<ClientFailoverOptions>
    {
        public ValidateOptionsResult Validate(string? name, ClientFailoverOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
