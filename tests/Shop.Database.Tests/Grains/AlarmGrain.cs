namespace Shop.Database.Tests.Grains;

public interface IAlarmGrain : IGrainWithStringKey
{
    Task Start(TimeSpan due, TimeSpan period);

    Task<int> Fired();

    Task Stop();
}

public sealed class AlarmGrain : Grain, IAlarmGrain, IRemindable
{
    public const string ReminderName = "alarm";

    // In memory only: the reminder keeps the grain busy enough; tests read it while it is active.
    private int _fired;

    public Task Start(TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, due, period);

    public Task<int> Fired() => Task.FromResult(_fired);

    public async Task Stop()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            _fired++;
        }

        return Task.CompletedTask;
    }
}
