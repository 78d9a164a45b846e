using Granary.Configuration;
using Microsoft.Extensions.Configuration;

namespace Granary.Runtime.Tests.Membership;

public sealed class MembershipOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_detect_a_failure_within_a_few_seconds()
    {
        var options = new ClusterMembershipOptions();
        Assert.True(new ClusterMembershipOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.MissedProbesLimit * (options.ProbePeriod + options.ProbeTimeout) <= TimeSpan.FromSeconds(6));
    }

    [Theory]
    [InlineData(nameof(ClusterMembershipOptions.ProbePeriod), "00:00:00")]
    [InlineData(nameof(ClusterMembershipOptions.ProbeTimeout), "-00:00:01")]
    [InlineData(nameof(ClusterMembershipOptions.MissedProbesLimit), "0")]
    [InlineData(nameof(ClusterMembershipOptions.ProbedSiloCount), "0")]
    [InlineData(nameof(ClusterMembershipOptions.IndirectProbeCount), "-1")]
    [InlineData(nameof(ClusterMembershipOptions.NumVotesForDeathDeclaration), "0")]
    [InlineData(nameof(ClusterMembershipOptions.DeathVoteExpiration), "00:00:02")]
    [InlineData(nameof(ClusterMembershipOptions.IAmAlivePeriod), "00:00:00")]
    [InlineData(nameof(ClusterMembershipOptions.IAmAliveStaleAfter), "00:00:09")]
    [InlineData(nameof(ClusterMembershipOptions.TableRefreshPeriod), "00:00:00")]
    [InlineData(nameof(ClusterMembershipOptions.DefunctSiloExpiration), "00:00:10")]
    [InlineData(nameof(ClusterMembershipOptions.DefunctSiloCleanupPeriod), "00:00:00")]
    public void An_invalid_setting_is_refused_with_a_message_naming_it(string setting, string value)
    {
        var options = Bind(new() { [$"Granary:Membership:{setting}"] = value });

        var result = new ClusterMembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Granary:Membership:{setting}", result.FailureMessage);
    }

    [Fact]
    public void Settings_bind_from_the_Granary_Membership_section()
    {
        var options = Bind(new() { ["Granary:Membership:ProbePeriod"] = "00:00:02", ["Granary:Membership:NumVotesForDeathDeclaration"] = "3" });
        Assert.Equal((TimeSpan.FromSeconds(2), 3), (options.ProbePeriod, options.NumVotesForDeathDeclaration));
    }

    private static ClusterMembershipOptions Bind(Dictionary<string, string?> values)
    {
        var options = new ClusterMembershipOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ClusterMembershipOptions.SectionName).Bind(options);
        return options;
    }
}
