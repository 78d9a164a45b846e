using System.Globalization;
using Granary.Membership;

namespace Granary.Configuration;

/// <summary>A gateway the client may connect to.</summary>
internal readonly record struct GatewayEndpoint(string Host, int Port)
{
    public static bool TryParse(string value, out GatewayEndpoint endpoint)
    {
        endpoint = default;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535) return false;
        endpoint = new GatewayEndpoint(value[..colon], port);
        return true;
    }

    public override string ToString() => $"{Host}:{Port}";
}

/// <summary>Where the client finds gateways: a static list, or the active silos of the membership table.</summary>
internal interface IGatewayListProvider
{
    Task<IReadOnlyList<GatewayEndpoint>> GetGatewaysAsync(CancellationToken cancellationToken);
}

internal sealed class StaticGatewayListProvider(Microsoft.Extensions.Options.IOptions<ClientOptions> options) : IGatewayListProvider
{
    public Task<IReadOnlyList<GatewayEndpoint>> GetGatewaysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GatewayEndpoint>>([.. options.Value.Gateways.Select(g => GatewayEndpoint.TryParse(g, out var e) ? e : default)]);
}

internal sealed class MembershipTableGatewayListProvider(IMembershipTable table) : IGatewayListProvider
{
    public async Task<IReadOnlyList<GatewayEndpoint>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        var data = await table.ReadAllAsync(cancellationToken);
        return [.. data.Rows.Where(r => r.Entry is { Status: SiloStatus.Active, IsGateway: true })
            .Select(r => new GatewayEndpoint(r.Entry.Silo.Host, r.Entry.Silo.Port))];
    }
}
