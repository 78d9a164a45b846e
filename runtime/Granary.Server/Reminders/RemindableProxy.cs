using Granary.Invocation;
using Granary.Runtime;

namespace Granary.Reminders;

/// <summary>The proxy of <see cref="IRemindable"/>, written as the generator would write it.</summary>
internal sealed class RemindableProxy(GrainId grainId, IGrainReferenceRuntime runtime) : GrainReference(grainId, runtime), IRemindable
{
    public override Type InterfaceType => typeof(IRemindable);

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
        InvokeTask(new ReceiveReminderInvokable { Name = reminderName, Status = status });
}

/// <summary>The request of <see cref="IRemindable.ReceiveReminder"/>.</summary>
internal sealed class ReceiveReminderInvokable : Invokable
{
    public string Name = "";
    public TickStatus Status;

    public override string MethodName => nameof(IRemindable.ReceiveReminder);

    public override Type InterfaceType => typeof(IRemindable);

    public override int ArgumentCount => 2;

    // A string and an [Immutable] struct: nothing to copy between grains of one silo.
    public override bool ArgumentsAreImmutable => true;

    public override object? GetArgument(int index) => index switch
    {
        0 => Name,
        1 => Status,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public override void SetArgument(int index, object? value)
    {
        switch (index)
        {
            case 0: Name = (string)value!; break;
            case 1: Status = (TickStatus)value!; break;
            default: throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    public override ValueTask<object?> InvokeAsync(object target)
    {
        var pending = ((IRemindable)target).ReceiveReminder(Name, Status);
        return pending.IsCompletedSuccessfully ? default : Await(pending);

        static async ValueTask<object?> Await(Task pending)
        {
            await pending;
            return null;
        }
    }
}
