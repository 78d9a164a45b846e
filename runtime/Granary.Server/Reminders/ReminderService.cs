using System.Collections.Concurrent;
using Granary.Configuration;
using Granary.Lifecycle;
using Granary.Runtime;
using Granary.SystemTargets;
using Granary.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Reminders;

/// <summary>
/// The silo's reminder service: stores reminders in the <see cref="IReminderTable"/>, keeps a timer for each one
/// this silo owns (see <see cref="IReminderOwnership"/>) and, when one is due, calls
/// <see cref="IRemindable.ReceiveReminder"/> on its grain, activating it if needed. Starts once the silo is active.
/// </summary>
internal sealed partial class ReminderService(
    IReminderTable table,
    IReminderOwnership ownership,
    IGrainFactory grainFactory,
    SystemTargetRegistry systemTargets,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger) : ISiloLifecycleParticipant, IReminderRegistry, IReminderTarget, IDisposable
{
    public static readonly GrainType TargetType = new("sys.reminders");

    private readonly ConcurrentDictionary<(GrainId Grain, string Name), LocalReminder> _local = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ReminderOptions _options = options.Value;
    private long _generation;
    private ITimer? _refreshTimer;

    public int Stage => ServiceLifecycleStage.Active;

    /// <summary>Reminders this silo currently has timers for.</summary>
    internal int LocalCount => _local.Count;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        RemindableMetadata.EnsureRegistered();
        systemTargets.Register(TargetType, this);
        await RefreshAsync(cancellationToken);
        ownership.Changed += OnOwnershipChanged;
        _refreshTimer = time.CreateTimer(
            static s => ((ReminderService)s!).RefreshInBackground(), this, _options.RefreshReminderListPeriod, _options.RefreshReminderListPeriod);
        LogStarted(_local.Count);
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        ownership.Changed -= OnOwnershipChanged;
        await _stopping.CancelAsync();
        _refreshTimer?.Dispose();
        var delivering = new List<Task>();
        foreach (var key in _local.Keys)
        {
            if (!_local.TryRemove(key, out var reminder)) continue;
            reminder.Dispose();
            delivering.Add(reminder.Delivering);
        }

        // A tick being delivered finishes (or the host's stop timeout gives up on it) before grains are deactivated.
        await Task.WhenAll(delivering).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A silo torn down without stopping (a crash in tests) must not leave timers firing into a dead runtime:
    /// they would deliver ticks the new owner delivers too.
    /// </summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _refreshTimer?.Dispose();
        foreach (var key in _local.Keys)
        {
            if (_local.TryRemove(key, out var reminder)) reminder.Dispose();
        }

        // _stopping stays undisposed: a refresh still running reads its token.
    }

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (dueTime < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"Reminder '{reminderName}' of {grainId}: the due time must be zero or positive.");
        if (period < _options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder '{reminderName}' of {grainId}: the period {period} is shorter than {ReminderOptions.SectionName}:MinimumReminderPeriod ({_options.MinimumReminderPeriod}). Use a grain timer for short periods.");
        }

        var entry = new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = reminderName,
            StartAt = time.GetUtcNow().UtcDateTime + dueTime,
            Period = period,
        };
        var generation = Interlocked.Increment(ref _generation);
        entry = entry with { ETag = await table.UpsertRowAsync(entry, cancellationToken) };
        if (ownership.Owns(grainId)) Schedule(entry, generation, dueNowIncluded: true);
        else TellOwner(grainId, reminderName);
        LogRegistered(reminderName, grainId, entry.StartAt, period);
        return GrainReminder.From(entry);
    }

    public async Task UnregisterReminder(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken = default)
    {
        if (reminder is not GrainReminder known || known.GrainId != grainId)
            throw new ArgumentException($"Reminder '{reminder.ReminderName}' was not obtained for {grainId} from this silo's reminder service.", nameof(reminder));
        if (!await table.RemoveRowAsync(grainId, known.ReminderName, known.ETag, cancellationToken))
        {
            throw new ReminderException(
                $"Reminder '{known.ReminderName}' of {grainId} could not be unregistered: it was removed or changed since it was read (ETag {known.ETag}). Read it again with GetReminder.");
        }

        var key = (grainId, known.ReminderName);
        if (_local.TryGetValue(key, out var local) && local.Entry.ETag == known.ETag && _local.TryRemove(new(key, local))) local.Dispose();
        TellOwner(grainId, known.ReminderName);
        LogUnregistered(known.ReminderName, grainId);
    }

    public async Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        var entry = await table.ReadRowAsync(grainId, reminderName, cancellationToken);
        return entry is null ? null : GrainReminder.From(entry);
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId, CancellationToken cancellationToken = default)
    {
        var entries = await table.ReadRowsAsync(grainId, cancellationToken);
        return [.. entries.Select(GrainReminder.From)];
    }

    public async Task ReminderChanged(string grainId, string reminderName)
    {
        var id = GrainId.Parse(grainId);
        var generation = Interlocked.Increment(ref _generation);
        var row = await table.ReadRowAsync(id, reminderName, _stopping.Token);
        var key = (id, reminderName);
        if (row is not null && ownership.Owns(id))
        {
            // Registered elsewhere just now: a tick due at once is this silo's to fire, as if registered here.
            if (!_local.TryGetValue(key, out var existing) || existing.Entry.ETag != row.ETag) Schedule(row, generation, dueNowIncluded: true);
        }
        else if (_local.TryGetValue(key, out var stale) && stale.Generation < generation && _local.TryRemove(new(key, stale)))
        {
            stale.Dispose();
        }
    }

    /// <summary>
    /// The owner would otherwise learn of the change only at its next periodic read. Best effort: if the message is
    /// lost, that read still catches up.
    /// </summary>
    private void TellOwner(GrainId grainId, string reminderName)
    {
        if (ownership.RemoteOwnerOf(grainId) is not { } owner) return;
        _ = grainFactory.GetGrain<IReminderTarget>(SystemTargetRegistry.Address(TargetType, owner)).ReminderChanged(grainId.ToString(), reminderName);
    }

    /// <summary>Re-reads the owned reminders: starts new or changed ones, stops removed or no longer owned ones.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var startedAt = Interlocked.Increment(ref _generation);
            var rows = new Dictionary<(GrainId, string), ReminderEntry>();
            foreach (var range in ownership.OwnedRanges)
            {
                foreach (var row in await table.ReadRowsAsync(range.First, range.Last, cancellationToken)) rows[(row.GrainId, row.ReminderName)] = row;
            }

            foreach (var (key, row) in rows)
            {
                // A registration that raced with this read is newer than the row: keep its timer.
                if (_local.TryGetValue(key, out var existing) && (existing.Entry.ETag == row.ETag || existing.Generation > startedAt)) continue;
                Schedule(row, startedAt, dueNowIncluded: false);
            }

            foreach (var (key, local) in _local)
            {
                if (local.Generation > startedAt || rows.ContainsKey(key)) continue;
                if (_local.TryRemove(new(key, local))) local.Dispose();
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private void Schedule(ReminderEntry entry, long generation, bool dueNowIncluded)
    {
        if (_stopping.IsCancellationRequested) return;
        var reminder = new LocalReminder(entry, generation, time, DeliverAsync);
        var key = (entry.GrainId, entry.ReminderName);
        _local.AddOrUpdate(key, reminder, (_, previous) =>
        {
            previous.Dispose();
            return reminder;
        });
        reminder.Start(dueNowIncluded);
    }

    private async Task DeliverAsync(LocalReminder reminder, DateTime due)
    {
        if (_stopping.IsCancellationRequested) return;
        var entry = reminder.Entry;
        try
        {
            var status = new TickStatus(entry.StartAt, entry.Period, time.GetUtcNow().UtcDateTime);
            await grainFactory.GetGrain<IRemindable>(entry.GrainId).ReceiveReminder(entry.ReminderName, status);
            LogDelivered(entry.ReminderName, entry.GrainId, due);
        }
        catch (Exception exception)
        {
            // The next tick comes anyway: a failing grain must not stop its own reminder.
            LogDeliveryFailed(exception, entry.ReminderName, entry.GrainId, due);
        }
    }

    private void OnOwnershipChanged() => RefreshInBackground();

    private async void RefreshInBackground()
    {
        try
        {
            await RefreshAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            // Kept timers keep firing; the next refresh tries again.
            LogRefreshFailed(exception);
        }
    }
}
