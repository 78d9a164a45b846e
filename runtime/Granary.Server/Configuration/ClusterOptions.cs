using Microsoft.Extensions.Options;

namespace Granary.Configuration;

/// <summary>Identity of the cluster. Bound from the configuration section <c>Granary</c> (e.g. <c>Granary__ClusterId</c>).</summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary";

    /// <summary>Identifies one deployment of silos that form a cluster; silos only talk within a cluster. Default: <c>dev</c>.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>Identifies the application across deployments; persistent state is keyed by it. Default: <c>dev</c>.</summary>
    public string ServiceId { get; set; } = "dev";
}

internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterId))
            return ValidateOptionsResult.Fail($"{ClusterOptions.SectionName}:ClusterId must not be empty.");
        if (string.IsNullOrWhiteSpace(options.ServiceId))
            return ValidateOptionsResult.Fail($"{ClusterOptions.SectionName}:ServiceId must not be empty.");
        return ValidateOptionsResult.Success;
    }
}
