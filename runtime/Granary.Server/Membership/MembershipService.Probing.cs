using System.Collections.Concurrent;
using Granary.Runtime;

namespace Granary.Membership;

internal sealed partial class MembershipService
{
    private readonly ConcurrentDictionary<SiloAddress, MissedProbes> _missed = new();

    /// <summary>Probes this silo's ring successors and the silos whose connections just failed, all at once.</summary>
    private async Task ProbeRoundAsync(CancellationToken cancellationToken)
    {
        if (_status != SiloStatus.Active || IsDeclaredDead || Latest is not { } data) return;
        var targets = ProbeRing.Successors(data, Silo, _options.ProbedSiloCount).ToHashSet();
        foreach (var silo in _watched.Keys)
        {
            if (Find(data, silo) is { } row && ProbeRing.IsMonitored(row.Entry.Status)) targets.Add(silo);
            else _watched.TryRemove(silo, out _);
        }

        foreach (var silo in _missed.Keys)
        {
            if (!targets.Contains(silo)) _missed.TryRemove(silo, out _);
        }

        await Task.WhenAll(targets.Select(target => ProbeTargetAsync(target, cancellationToken)));
    }

    private async Task ProbeTargetAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        var outcome = await ProbeJudgedAsync(target, cancellationToken);
        if (outcome == ProbeOutcome.Answered)
        {
            if (_missed.TryRemove(target, out var missedBefore)) LogProbeAnsweredAgain(target, missedBefore.Count);
            _watched.TryRemove(target, out _);
            return;
        }

        if (outcome == ProbeOutcome.Inconclusive) return;

        var missed = CountMiss(target);
        LogProbeMissed(target, missed, _options.MissedProbesLimit);
        if (missed >= _options.MissedProbesLimit) await SuspectAsync(target, missed, cancellationToken);
    }

    private int CountMiss(SiloAddress target)
    {
        // A connection failure can start a round right after a periodic one. Two misses that close together are
        // one observation of the same outage, so a miss counts only half a probe period after the last one.
        var now = _time.GetTimestamp();
        return _missed.AddOrUpdate(
            target,
            static (_, now) => new MissedProbes(1, now),
            (_, missed, now) => _time.GetElapsedTime(missed.LastMissTimestamp, now) >= _options.ProbePeriod / 2 ? new MissedProbes(missed.Count + 1, now) : missed,
            now).Count;
    }

    /// <summary>A direct probe; a timeout while this silo's own thread pool lagged is no evidence against the target.</summary>
    private async Task<ProbeOutcome> ProbeJudgedAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        if (await ProbeDirectlyAsync(target, cancellationToken)) return ProbeOutcome.Answered;
        if (_time.GetElapsedTime(started) < _options.ProbeTimeout || _lag?.Current is not { } lag || lag <= _options.ProbeTimeout / 2) return ProbeOutcome.Missed;
        LogProbeMissedWhileLagging(target, lag.TotalMilliseconds);
        return ProbeOutcome.Inconclusive;
    }

    private Task<bool> ProbeDirectlyAsync(SiloAddress target, CancellationToken cancellationToken) =>
        BoundedProbeAsync(token => _prober.ProbeAsync(target, _options.ProbeTimeout, token), target, cancellationToken);

    private Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, CancellationToken cancellationToken) =>
        BoundedProbeAsync(token => _prober.ProbeIndirectlyAsync(intermediary, target, _options.ProbeTimeout, token), target, cancellationToken);

    private async Task<bool> BoundedProbeAsync(Func<CancellationToken, Task<bool>> probe, SiloAddress target, CancellationToken cancellationToken)
    {
        // The prober honours the probe timeout itself; this bound only keeps a hung prober from stalling rounds.
        try
        {
            return await probe(cancellationToken).WaitAsync(2 * _options.ProbeTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogProbeFailed(exception, target);
            return false;
        }
    }

    private enum ProbeOutcome
    {
        Answered,
        Missed,
        Inconclusive,
    }

    /// <summary>Consecutive missed probes of one target, and when the last one counted.</summary>
    private sealed record MissedProbes(int Count, long LastMissTimestamp);
}
