using System.Net;
using Microsoft.Extensions.Configuration;

namespace Shop.Silo;

/// <summary>The silo's ports and the address it advertises to the cluster, read from <see cref="ShopClustering.EndpointsSection"/>.</summary>
internal sealed record SiloEndpoints(int SiloPort, int GatewayPort, IPAddress? AdvertisedAddress, bool ListenOnAnyHostAddress = true)
{
    /// <summary>Orleans' customary silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>Orleans' customary client gateway port; 0 turns the gateway off.</summary>
    public const int DefaultGatewayPort = 30000;

    public static SiloEndpoints Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(ShopClustering.EndpointsSection);
        var siloPort = Port(section, "SiloPort", DefaultSiloPort, allowZero: false);
        var gatewayPort = Port(section, "GatewayPort", DefaultGatewayPort, allowZero: true);
        var advertised = section["AdvertisedIPAddress"];
        if (string.IsNullOrWhiteSpace(advertised)) return new SiloEndpoints(siloPort, gatewayPort, null);
        if (!IPAddress.TryParse(advertised, out var address))
            throw new InvalidOperationException($"{section.Path}:AdvertisedIPAddress must be an IP address (got '{advertised}').");
        // Silos on 127.0.0.x may share port numbers: each must listen on its own address, or the kernel spreads
        // connections for one silo over every wildcard listener on that port (Orleans sets SO_REUSEPORT).
        var anyAddress = section["ListenOnAnyHostAddress"] is { Length: > 0 } configured
            ? bool.TryParse(configured, out var parsed) ? parsed : throw new InvalidOperationException($"{section.Path}:ListenOnAnyHostAddress must be true or false (got '{configured}').")
            : !IPAddress.IsLoopback(address);
        return new SiloEndpoints(siloPort, gatewayPort, address, anyAddress);
    }

    private static int Port(IConfigurationSection section, string key, int fallback, bool allowZero)
    {
        var configured = section[key];
        if (string.IsNullOrWhiteSpace(configured)) return fallback;
        if (!int.TryParse(configured, out var port) || port > 65535 || port < (allowZero ? 0 : 1))
            throw new InvalidOperationException($"{section.Path}:{key} must be a port number{(allowZero ? " or 0" : "")} (got '{configured}').");
        return port;
    }
}
