using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>An external client's settings. Bound from <c>Granary:Client</c>; the cluster id from <c>Granary:ClusterId</c>.</summary>
public sealed class ClientOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Client";

    /// <summary>The cluster to join; must equal the silos' <c>Granary:ClusterId</c>. Default: <c>dev</c>.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>Gateways as <c>host:port</c>, used when no membership table is configured.</summary>
    public List<string> Gateways { get; } = [];

    /// <summary>How long a connect attempt to one gateway may take. Default: 3 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Largest frame accepted from a gateway. Default: 16 MiB.</summary>
    public int MaxFrameBytes { get; set; } = 16 * 1024 * 1024;
}

internal sealed class ClientOptionsValidator : IValidateOptions<ClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterId)) return ValidateOptionsResult.Fail("Granary:ClusterId must not be empty.");
        foreach (var gateway in options.Gateways)
        {
            if (!GatewayEndpoint.TryParse(gateway, out _))
                return ValidateOptionsResult.Fail($"{ClientOptions.SectionName}:Gateways has '{gateway}', which is not host:port.");
        }

        return options.ConnectTimeout > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ClientOptions.SectionName}:ConnectTimeout must be positive; it is {options.ConnectTimeout}.");
    }
}
