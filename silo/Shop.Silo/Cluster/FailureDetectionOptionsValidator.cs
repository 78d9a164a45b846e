using Microsoft.Extensions.Options;

namespace Shop.Silo.Cluster;

/// <summary>Refuses settings that would make failure detection unsafe or meaningless, naming the setting.</summary>
internal sealed class FailureDetectionOptionsValidator : IValidateOptions<FailureDetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, FailureDetectionOptions options)
    {
        var errors = new List<string>();
        var section = FailureDetectionOptions.SectionName;
        if (options.Profile is not ("Tuned" or "OrleansDefaults"))
            errors.Add($"{section}:Profile must be 'Tuned' or 'OrleansDefaults' (got '{options.Profile}').");
        Positive(nameof(options.ProbeTimeout), options.ProbeTimeout);
        Positive(nameof(options.DeathVoteExpirationTimeout), options.DeathVoteExpirationTimeout);
        Positive(nameof(options.IAmAliveTablePublishTimeout), options.IAmAliveTablePublishTimeout);
        Positive(nameof(options.TableRefreshTimeout), options.TableRefreshTimeout);
        Positive(nameof(options.MaxJoinAttemptTime), options.MaxJoinAttemptTime);
        Positive(nameof(options.ConnectTimeout), options.ConnectTimeout);
        if (options.RefusedConnectionCheckPeriod < TimeSpan.Zero)
            errors.Add($"{section}:RefusedConnectionCheckPeriod must be zero (off) or positive.");
        if (options.NumMissedProbesLimit < 1) errors.Add($"{section}:NumMissedProbesLimit must be at least 1.");
        if (options.NumVotesForDeathDeclaration < 1) errors.Add($"{section}:NumVotesForDeathDeclaration must be at least 1.");
        if (options.NumMissedTableIAmAliveLimit < 1) errors.Add($"{section}:NumMissedTableIAmAliveLimit must be at least 1.");
        // A vote must outlive the probes that gather the next one, or two votes can never meet.
        if (options.DeathVoteExpirationTimeout < options.ProbeTimeout * (options.NumMissedProbesLimit + 1))
            errors.Add($"{section}:DeathVoteExpirationTimeout must be at least ProbeTimeout x (NumMissedProbesLimit + 1).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Positive(string setting, TimeSpan value)
        {
            if (value <= TimeSpan.Zero) errors.Add($"{section}:{setting} must be positive (got {value}).");
        }
    }
}
