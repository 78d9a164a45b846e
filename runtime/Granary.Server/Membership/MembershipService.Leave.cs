namespace Granary.Membership;

internal sealed partial class MembershipService
{
    /// <summary>Marks this silo Active and starts watching others; runs at stage BecomeActive, when the silo serves.</summary>
    internal async Task BecomeActiveAsync(CancellationToken cancellationToken)
    {
        var outcome = await WriteAsync("mark this silo Active", data => OwnRowAs(data, SiloStatus.Active), readFirst: true, cancellationToken);
        if (outcome != WriteOutcome.Written) throw new InvalidOperationException($"{Silo} could not mark itself Active: every write lost a race.");
        _status = SiloStatus.Active;
        LogActive(Silo);
        _probe.Start(_options.ProbePeriod, _options.ProbePeriod);
    }

    /// <summary>
    /// The first step of a graceful leave, at stage Active (the first to stop): stop watching others and write
    /// ShuttingDown, so other silos place nothing new here while participants at lower stages hand activations off.
    /// </summary>
    internal async Task AnnounceShutdownAsync(CancellationToken cancellationToken)
    {
        if (!IsMember) return;
        await _probe.StopAsync();
        _watched.Clear();
        _missed.Clear();
        var outcome = await WriteAsync(
            "mark this silo ShuttingDown",
            data => Find(data, Silo)?.Entry.Status is SiloStatus.Joining or SiloStatus.Active ? OwnRowAs(data, SiloStatus.ShuttingDown) : null,
            readFirst: true,
            cancellationToken);
        if (outcome != WriteOutcome.Written) return;
        _status = SiloStatus.ShuttingDown;
        LogShuttingDown(Silo);
    }

    /// <summary>The last step of a graceful leave, at stage Membership: every stage above has stopped; write Dead.</summary>
    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        // From here on, reading this silo's own Dead row is the leave, not a death declaration.
        _leaving = true;
        await Task.WhenAll(_probe.StopAsync(), _refresh.StopAsync(), _cleanup.StopAsync());
        if (IsMember)
        {
            var outcome = await WriteAsync(
                "mark this silo Dead",
                data => Find(data, Silo) is { Entry.Status: not SiloStatus.Dead } ? OwnRowAs(data, SiloStatus.Dead) : null,
                readFirst: true,
                cancellationToken);
            if (outcome == WriteOutcome.Written) LogLeft(Silo);
        }

        await _iAmAlive.StopAsync();
        if (!IsDeclaredDead) _status = SiloStatus.Dead;
    }

    private TableWrite OwnRowAs(MembershipTableData data, SiloStatus status)
    {
        if (Find(data, Silo) is not { Entry.Status: not SiloStatus.Dead } own)
            throw new InvalidOperationException($"{Silo} cannot become {status}: the cluster declared it dead.");
        return new TableWrite(own.Entry with { Status = status, IAmAliveTime = _time.GetUtcNow() }, own.ETag);
    }
}
