using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Reminders;

/// <summary>Wire layout of <see cref="TickStatus"/>: member [Id(n)] is field n + 1, as generated codecs do.</summary>
internal sealed class TickStatusCodec : StructCodec<TickStatus>
{
    public override void WriteFields(GranaryWriter writer, TickStatus value)
    {
        Codecs.Get<DateTime>().WriteField(writer, 1, value.FirstTickTime);
        Codecs.Get<TimeSpan>().WriteField(writer, 2, value.Period);
        Codecs.Get<DateTime>().WriteField(writer, 3, value.CurrentTickTime);
    }

    public override TickStatus ReadFields(GranaryReader reader)
    {
        var result = default(TickStatus);
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) return result;
            switch (field.Id)
            {
                case 1: result = result with { FirstTickTime = Codecs.Get<DateTime>().ReadValue(reader, field.WireType) }; break;
                case 2: result = result with { Period = Codecs.Get<TimeSpan>().ReadValue(reader, field.WireType) }; break;
                case 3: result = result with { CurrentTickTime = Codecs.Get<DateTime>().ReadValue(reader, field.WireType) }; break;
                default: reader.SkipField(field.WireType); break;
            }
        }
    }
}

/// <summary>Wire layout of the ReceiveReminder request: argument i is field i + 1.</summary>
internal sealed class ReceiveReminderInvokableCodec : ObjectCodec<ReceiveReminderInvokable>
{
    public override void WriteFields(GranaryWriter writer, ReceiveReminderInvokable value)
    {
        Codecs.Get<string>().WriteField(writer, 1, value.Name);
        Codecs.Get<TickStatus>().WriteField(writer, 2, value.Status);
    }

    public override ReceiveReminderInvokable ReadFields(GranaryReader reader)
    {
        var result = new ReceiveReminderInvokable();
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) return result;
            switch (field.Id)
            {
                case 1: result.Name = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 2: result.Status = Codecs.Get<TickStatus>().ReadValue(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }
    }
}
