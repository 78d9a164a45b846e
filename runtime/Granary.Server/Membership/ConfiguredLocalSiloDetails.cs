using Granary.Configuration;
using Granary.Runtime;
using Microsoft.Extensions.Options;

namespace Granary.Membership;

/// <summary>
/// This silo's identity from <see cref="EndpointOptions"/>, for a silo without a transport that binds its own
/// listener (the transport registers the bound endpoint instead). The generation is the start time in
/// milliseconds, so a restart on the same endpoint always gets a higher one.
/// </summary>
internal sealed class ConfiguredLocalSiloDetails(IOptions<EndpointOptions> endpoints, TimeProvider time) : ILocalSiloDetails
{
    private readonly Lazy<SiloAddress> _address = new(() =>
        new SiloAddress(endpoints.Value.AdvertisedHost, endpoints.Value.SiloPort, time.GetUtcNow().ToUnixTimeMilliseconds()));

    public SiloAddress SiloAddress => _address.Value;

    public string SiloName => Environment.MachineName;
}
