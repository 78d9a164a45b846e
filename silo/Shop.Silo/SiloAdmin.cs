using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Shop.Silo;

/// <summary>The silo host's admin listener: one port (<see cref="PortSetting"/>) for /health/*, the dashboard and /metrics.</summary>
internal static class SiloAdmin
{
    /// <summary>The admin port setting.</summary>
    public const string PortSetting = "Shop:Admin:Port";

    /// <summary>The admin port when none is configured.</summary>
    public const int DefaultPort = 8081;

    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddSiloAdmin(this WebApplicationBuilder builder)
    {
        var port = ReadPort(builder.Configuration);
        var endpoints = SiloEndpoints.Read(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Like the silo's own ports: silos sharing a machine on 127.0.0.x each listen on their own address, so
            // their admin ports do not collide. Elsewhere every address: in a container the probes and the operator
            // come from outside (the dashboard is behind its login).
            if (endpoints is { AdvertisedAddress: { } address, ListenOnAnyHostAddress: false }) kestrel.Listen(address, port);
            else kestrel.ListenAnyIP(port);
        });
        builder.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapSiloAdmin(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }

    public static int ReadPort(IConfiguration configuration)
    {
        var configured = configuration[PortSetting];
        if (string.IsNullOrWhiteSpace(configured)) return DefaultPort;
        if (!int.TryParse(configured, out var port) || port is < 1 or > 65535)
            throw new InvalidOperationException($"{PortSetting} must be a port number (got '{configured}').");
        return port;
    }
}
