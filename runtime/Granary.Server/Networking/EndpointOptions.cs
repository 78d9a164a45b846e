using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>Where the silo listens and what address it advertises. Bound from <c>Granary:Endpoints</c>.</summary>
public sealed class EndpointOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Endpoints";

    /// <summary>The address other silos and clients use to reach this silo (an IP, or a name such as a pod IP). Default: 127.0.0.1.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The port for silo-to-silo and client connections; 0 picks a free port. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The address to bind; null binds <see cref="AdvertisedHost"/> (use 0.0.0.0 in containers).</summary>
    public string? ListenHost { get; set; }

    /// <summary>Largest frame accepted on a connection; a larger one closes that connection. Default: 16 MiB.</summary>
    public int MaxFrameBytes { get; set; } = 16 * 1024 * 1024;
}

internal sealed class EndpointOptionsValidator : IValidateOptions<EndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, EndpointOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AdvertisedHost))
            return ValidateOptionsResult.Fail($"{EndpointOptions.SectionName}:AdvertisedHost must not be empty.");
        if (options.SiloPort is < 0 or > 65535)
            return ValidateOptionsResult.Fail($"{EndpointOptions.SectionName}:SiloPort must be between 0 and 65535; it is {options.SiloPort}.");
        if (options.MaxFrameBytes < 1024)
            return ValidateOptionsResult.Fail($"{EndpointOptions.SectionName}:MaxFrameBytes must be at least 1024; it is {options.MaxFrameBytes}.");
        return ValidateOptionsResult.Success;
    }
}
