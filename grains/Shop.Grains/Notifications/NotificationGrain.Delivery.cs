using Orleans;
using Orleans.Runtime;
using Shop.Diagnostics;
using Shop.Infrastructure;

namespace Shop.Notifications;

internal sealed partial class NotificationGrain
{
    /// <summary>Arms the delivery timer for the earliest pending delivery; disarms it when nothing is pending.</summary>
    private void ScheduleNextRound()
    {
        _deliveryTimer?.Dispose();
        _deliveryTimer = null;
        var next = State.Deliveries.Where(d => d.Status == DeliveryStatus.Pending).Select(d => (DateTimeOffset?)d.NextAttemptAt).Min();
        if (next is null) return;
        var due = next.Value - time.GetUtcNow();
        _deliveryTimer = this.RegisterGrainTimer(
            _ => DeliverDueAsync(),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>One round for every delivery that is due, then the timer is armed for the next one.</summary>
    private async Task DeliverDueAsync()
    {
        var due = State.Deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= time.GetUtcNow()).ToList();
        foreach (var delivery in due)
        {
            using var activity = ShopActivities.StartWebhookDelivery(delivery.TraceParent, delivery.EventId, delivery.Url);
            var outcome = await dispatcher.DeliverAsync(delivery.Url, delivery.EventId, delivery.Body, CancellationToken.None);
            activity?.SetTag("shop.webhook.outcome", WebhookDispatcher.OutcomeTag(outcome.Result));
            Apply(delivery, outcome);
        }

        if (due.Count > 0) await this.PersistAsync(notifications);
        ScheduleNextRound();
    }

    private void Apply(Delivery delivery, DeliveryOutcome outcome)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        delivery.Requests += outcome.Requests;
        delivery.Rounds++;
        if (outcome.Error is not null) delivery.LastError = outcome.Error;
        switch (outcome.Result)
        {
            case DeliveryResult.Delivered:
                delivery.Status = DeliveryStatus.Delivered;
                delivery.DeliveredAt = now;
                delivery.Body = [];
                LogDelivered(delivery.EventId, delivery.Url, delivery.Requests);
                return;
            case DeliveryResult.Refused:
                delivery.Status = DeliveryStatus.Failed;
                delivery.Body = [];
                LogGivenUp(delivery.EventId, delivery.Url, delivery.Rounds, outcome.Error);
                return;
        }

        if (delivery.Rounds >= settings.MaxDeliveryRounds)
        {
            delivery.Status = DeliveryStatus.Failed;
            delivery.Body = [];
            LogGivenUp(delivery.EventId, delivery.Url, delivery.Rounds, outcome.Error);
            return;
        }

        // An open circuit says when to look again; otherwise rounds back off exponentially.
        var backoff = outcome.Result == DeliveryResult.CircuitOpen
            ? settings.BreakDuration
            : settings.RedeliveryDelay * Math.Pow(2, delivery.Rounds - 1);
        delivery.NextAttemptAt = now + (backoff < settings.MaxRedeliveryDelay ? backoff : settings.MaxRedeliveryDelay);
        LogRoundFailed(delivery.EventId, delivery.Url, delivery.Rounds, outcome.Error);
    }
}
