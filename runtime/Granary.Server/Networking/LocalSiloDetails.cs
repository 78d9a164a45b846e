using Granary.Configuration;
using Granary.Membership;
using Granary.Runtime;
using Microsoft.Extensions.Options;

namespace Granary.Networking;

/// <summary>This silo's address: advertised host, the port actually bound, and a generation from the start time.</summary>
internal sealed class LocalSiloDetails(IOptions<EndpointOptions> endpoints, TimeProvider timeProvider) : ILocalSiloDetails
{
    private SiloAddress? _address;

    public SiloAddress SiloAddress => _address ?? throw new InvalidOperationException("The silo's address is known only once its listener is bound.");

    public bool IsKnown => _address is not null;

    public string SiloName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Fixes the address once the listener is bound; a restarted silo on the same port gets a higher generation.</summary>
    public void SetBoundPort(int port) =>
        _address = new SiloAddress(endpoints.Value.AdvertisedHost, port, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
}
