using Microsoft.Extensions.Options;

namespace Granary.Configuration;

internal sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    private const string Section = ClusterMembershipOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.ProbePeriod), options.ProbePeriod);
        Positive(failures, nameof(options.ProbeTimeout), options.ProbeTimeout);
        Positive(failures, nameof(options.IAmAlivePeriod), options.IAmAlivePeriod);
        Positive(failures, nameof(options.TableRefreshPeriod), options.TableRefreshPeriod);
        Positive(failures, nameof(options.DefunctSiloCleanupPeriod), options.DefunctSiloCleanupPeriod);
        AtLeast(failures, nameof(options.MissedProbesLimit), options.MissedProbesLimit, 1);
        AtLeast(failures, nameof(options.ProbedSiloCount), options.ProbedSiloCount, 1);
        AtLeast(failures, nameof(options.IndirectProbeCount), options.IndirectProbeCount, 0);
        AtLeast(failures, nameof(options.NumVotesForDeathDeclaration), options.NumVotesForDeathDeclaration, 1);

        // A vote that expires before the voter's next probe round could never meet a second vote.
        if (options.DeathVoteExpiration <= options.ProbePeriod + options.ProbeTimeout)
            failures.Add($"{Section}:DeathVoteExpiration ({options.DeathVoteExpiration}) must be longer than ProbePeriod + ProbeTimeout ({options.ProbePeriod + options.ProbeTimeout}).");

        // A live silo writes I-am-alive every period; one late write must not make it look stale.
        if (options.IAmAliveStaleAfter < 2 * options.IAmAlivePeriod)
            failures.Add($"{Section}:IAmAliveStaleAfter ({options.IAmAliveStaleAfter}) must be at least twice IAmAlivePeriod ({options.IAmAlivePeriod}).");

        // Deleting a dead row while its silo might still wake up would hide from it that it was declared dead.
        if (options.DefunctSiloExpiration < options.IAmAliveStaleAfter)
            failures.Add($"{Section}:DefunctSiloExpiration ({options.DefunctSiloExpiration}) must be at least IAmAliveStaleAfter ({options.IAmAliveStaleAfter}).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) failures.Add($"{Section}:{setting} must be positive; it is {value}.");
    }

    private static void AtLeast(List<string> failures, string setting, int value, int minimum)
    {
        if (value < minimum) failures.Add($"{Section}:{setting} must be at least {minimum}; it is {value}.");
    }
}
