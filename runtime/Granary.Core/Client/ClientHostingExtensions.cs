using Granary;
using Granary.Client;
using Granary.Configuration;
using Granary.Invocation;
using Granary.Membership;
using Granary.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Configures an external cluster client.</summary>
public interface IClientBuilder
{
    /// <summary>The host's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    IConfiguration Configuration { get; }
}

/// <summary>Hosts an external cluster client, as <c>UseOrleansClient</c> does for Orleans.</summary>
public static class ClientHostingExtensions
{
    /// <summary>Adds a client that reaches the cluster through gateways; IClusterClient / IGrainFactory come from DI.</summary>
    public static IHostApplicationBuilder UseGranaryClient(this IHostApplicationBuilder builder, Action<IClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddGranaryCore();
        services.AddOptions<ClientOptions>().BindConfiguration(ClientOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.ClusterId = configuration["Granary:ClusterId"] ?? options.ClusterId)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientOptions>, ClientOptionsValidator>());
        services.TryAddSingleton<ClientGrainTypeResolver>();
        services.TryAddSingleton<IGrainTypeResolver>(sp => sp.GetRequiredService<ClientGrainTypeResolver>());
        services.TryAddSingleton<ClientMessageCenter>();
        services.TryAddSingleton<IMessageCenter>(sp => sp.GetRequiredService<ClientMessageCenter>());
        services.AddHostedService(sp => sp.GetRequiredService<ClientMessageCenter>());
        services.TryAddSingleton<IGatewayListProvider, StaticGatewayListProvider>();
        configure(new ClientBuilder(services, builder.Configuration));
        return builder;
    }

    /// <summary>Connects to the listed gateways (<c>host:port</c>), in addition to <c>Granary:Client:Gateways</c>.</summary>
    public static IClientBuilder UseStaticGateways(this IClientBuilder builder, params string[] gateways)
    {
        builder.Services.Configure<ClientOptions>(options => options.Gateways.AddRange(gateways));
        return builder;
    }

    /// <summary>Finds gateways among the active silos of a membership table (register the table with the clustering provider).</summary>
    public static IClientBuilder UseMembershipTableGateways(this IClientBuilder builder, Func<IServiceProvider, IMembershipTable> table)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<IGatewayListProvider>(sp => new MembershipTableGatewayListProvider(table(sp))));
        return builder;
    }

    private sealed class ClientBuilder(IServiceCollection services, IConfiguration configuration) : IClientBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
