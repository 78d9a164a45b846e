using Microsoft.Extensions.DependencyInjection;

namespace Shop.Observability.Telemetry;

/// <summary>The Orleans side of the shop's telemetry: W3C trace context across grain calls, and where each call ran.</summary>
public static class OrleansTelemetry
{
    /// <summary>Propagates trace context through grain calls and tags each incoming call's span with the silo serving it.</summary>
    public static ISiloBuilder AddShopTelemetry(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        // Registered after the propagation filter so that, when it runs, the incoming call's span is Activity.Current.
        silo.AddActivityPropagation();
        silo.AddIncomingGrainCallFilter<SiloSpanTagFilter>();
        return silo;
    }

    /// <summary>Propagates trace context from the client's callers (HTTP requests) into its grain calls.</summary>
    public static IClientBuilder AddShopTelemetry(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.AddActivityPropagation();
        return client;
    }
}
