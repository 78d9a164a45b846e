using Granary.Catalog;
using Granary.Lifecycle;
using Granary.Membership;
using Granary.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Placement;

/// <summary>Rebalancing settings. Bound from <c>Granary:Rebalancing</c>.</summary>
public sealed class RebalancingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Granary:Rebalancing";

    /// <summary>Whether silos move idle activations toward less loaded silos. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How far above the cluster average a silo may be before it sheds activations, as a fraction. Default: 0.2.</summary>
    public double Tolerance { get; set; } = 0.2;

    /// <summary>How often a silo compares its load with the others. Default: 10 seconds.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most activations one silo moves per round, so rebalancing never floods the cluster. Default: 200.</summary>
    public int MaxMovesPerRound { get; set; } = 200;
}

/// <summary>
/// Rebalancing after scale-out (Orleans leaves new silos empty until new grains arrive): a silo above the
/// average by more than the tolerance migrates some of its idle activations to the emptiest silos, carrying
/// their persistent state and what an <see cref="IGrainMigrationParticipant"/> dehydrates. Only idle activations
/// move, so no call fails; a move the target refuses falls back to activating anew on the next call.
/// </summary>
internal sealed partial class ActivationRebalancer(
    GrainCatalog catalog, SiloLoadTable load, IClusterMembershipView membership, ILocalSiloDetails localSilo,
    TimeProvider timeProvider, IOptions<RebalancingOptions> options, ILogger<ActivationRebalancer> logger) : ISiloLifecycleParticipant, IDisposable
{
    private ITimer? _timer;

    public int Stage => ServiceLifecycleStage.Active;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled) _timer = timeProvider.CreateTimer(_ => RebalanceOnTimer(), null, options.Value.Period, options.Value.Period);
        return Task.CompletedTask;
    }

    public Task OnStopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void RebalanceOnTimer()
    {
        try
        {
            RebalanceOnce();
        }
        catch (ObjectDisposedException)
        {
            // A killed silo (its services disposed without a stop) can have a tick in flight; an exception on a
            // timer thread would end the process.
        }
    }

    /// <summary>Sheds idle activations when this silo is above the average by more than the tolerance; returns how many.</summary>
    public int RebalanceOnce()
    {
        var silos = membership.Current.ActiveSilos;
        if (silos.Length < 2) return 0;
        var me = localSilo.SiloAddress;
        var counts = silos.Select(load.ActivationsOf).ToArray();
        var average = counts.Average();
        var mine = load.ActivationsOf(me);
        var excess = (int)Math.Floor(mine - average * (1 + options.Value.Tolerance));
        if (excess <= 0 || counts.Min() >= average * (1 - options.Value.Tolerance)) return 0;

        var moves = Math.Min(Math.Min(excess, (int)Math.Ceiling(mine - average)), options.Value.MaxMovesPerRound);
        var moved = 0;
        var reason = new DeactivationReason(DeactivationReasonCode.Migrating, "Rebalancing toward less loaded silos.");
        // Each move goes to the emptiest silo counting the moves already sent there, so one round spreads its moves.
        var targets = silos.Where(s => s != me).ToDictionary(s => s, load.ActivationsOf);
        foreach (var activation in catalog.Activations)
        {
            if (moved >= moves) break;
            if (activation.GrainClass.IsStatelessWorker || !activation.IsIdleFor(TimeSpan.Zero, timeProvider.GetTimestamp())) continue;
            var target = targets.MinBy(t => t.Value).Key;
            targets[target]++;
            activation.Migrate(target, reason);
            moved++;
        }

        if (moved > 0) LogRebalanced(moved, mine, average);
        return moved;
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Moving {Moved} idle activations away: this silo has {Mine}, the cluster average is {Average:0.#}")]
    private partial void LogRebalanced(int moved, int mine, double average);
}
