using Orleans;
using Orleans.Runtime;

namespace Shop.Orders;

internal sealed partial class OrderGrain
{
    private const string SettlementReminder = "settle";
    private IGrainTimer? _retryTimer;
    private IGrainReminder? _reminder;

    /// <summary>True when a reminder may exist that this activation did not register itself (it was activated unsettled).</summary>
    private bool _reminderMayExist;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderMayExist = true;
        return TrySettleAsync();
    }

    /// <summary>
    /// Registers the durable backstop before the saga's first step: if the silo dies mid-saga, the reminder
    /// re-activates the order on a live silo and the saga carries on from its stored intent.
    /// </summary>
    private async Task EnsureReminderAsync() =>
        _reminder ??= await this.RegisterOrUpdateReminder(SettlementReminder, options.Value.ReminderPeriod, options.Value.ReminderPeriod);

    /// <summary>The quick retry while this activation lives; reminders have a coarse minimum period.</summary>
    private void ScheduleRetry() =>
        _retryTimer ??= this.RegisterGrainTimer(
            _ => TrySettleAsync(),
            new GrainTimerCreationOptions(options.Value.RetryInterval, options.Value.RetryInterval) { KeepAlive = true });

    private async Task StopSettlementAsync()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
        if (_reminder is null && _reminderMayExist) _reminder = await this.GetReminder(SettlementReminder);
        if (_reminder is not null) await this.UnregisterReminder(_reminder);
        _reminder = null;
        _reminderMayExist = false;
    }
}
