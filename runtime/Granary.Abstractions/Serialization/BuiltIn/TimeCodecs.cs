using System.Buffers.Binary;

namespace Granary.Serialization.BuiltIn;

/// <summary><see cref="DateTime.ToBinary"/> keeps the kind (UTC, local, unspecified) with the ticks.</summary>
internal sealed class DateTimeCodec : FieldCodec<DateTime>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, DateTime value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed64);
        writer.WriteFixed64((ulong)value.ToBinary());
    }

    public override DateTime ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.Fixed64);
        var binary = (long)reader.ReadFixed64();
        try
        {
            return DateTime.FromBinary(binary);
        }
        catch (ArgumentException invalid)
        {
            throw WireGuard.Invalid("DateTime", invalid);
        }
    }
}

/// <summary>The clock ticks (8 bytes) and the offset in minutes (2 bytes), little-endian.</summary>
internal sealed class DateTimeOffsetCodec : FieldCodec<DateTimeOffset>
{
    private const int Size = 10;

    public override void WriteField(GranaryWriter writer, uint fieldId, DateTimeOffset value)
    {
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteByte(Size);
        var bytes = writer.GetSpan(Size);
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value.Ticks);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[8..], (short)value.TotalOffsetMinutes);
        writer.Advance(Size);
    }

    public override DateTimeOffset ReadValue(GranaryReader reader, WireType wireType)
    {
        var bytes = WireGuard.ReadExactly(reader, wireType, Size, "DateTimeOffset");
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var offsetMinutes = BinaryPrimitives.ReadInt16LittleEndian(bytes[8..]);
        try
        {
            return new DateTimeOffset(ticks, TimeSpan.FromMinutes(offsetMinutes));
        }
        catch (ArgumentException invalid)
        {
            throw WireGuard.Invalid("DateTimeOffset", invalid);
        }
    }
}

internal sealed class TimeSpanCodec : FieldCodec<TimeSpan>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, TimeSpan value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(value.Ticks);
    }

    public override TimeSpan ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return new TimeSpan(reader.ReadVarInt64());
    }
}

internal sealed class DateOnlyCodec : FieldCodec<DateOnly>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, DateOnly value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt32((uint)value.DayNumber);
    }

    public override DateOnly ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        var dayNumber = reader.ReadVarUInt32();
        if (dayNumber > (uint)DateOnly.MaxValue.DayNumber) throw new WireFormatException($"Day number {dayNumber} is out of range.");
        return DateOnly.FromDayNumber((int)dayNumber);
    }
}

internal sealed class TimeOnlyCodec : FieldCodec<TimeOnly>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, TimeOnly value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt64((ulong)value.Ticks);
    }

    public override TimeOnly ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        var ticks = reader.ReadVarUInt64();
        if (ticks > (ulong)TimeOnly.MaxValue.Ticks) throw new WireFormatException($"Time of day {ticks} ticks is out of range.");
        return new TimeOnly((long)ticks);
    }
}
