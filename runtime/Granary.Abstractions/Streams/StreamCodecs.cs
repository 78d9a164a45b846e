using Granary.Serialization;
using Granary.Serialization.BuiltIn;

namespace Granary.Streams;

/// <summary>A stream id travels as an object {1: namespace, 2: key}; the default id as an empty object.</summary>
internal sealed class StreamIdCodec : FieldCodec<StreamId>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, StreamId value)
    {
        writer.WriteStartObject(fieldId);
        if (!value.IsDefault)
        {
            writer.WriteFieldHeader(1, WireType.LengthPrefixed);
            writer.WriteString(value.Namespace);
            writer.WriteFieldHeader(2, WireType.LengthPrefixed);
            writer.WriteString(value.Key);
        }

        writer.WriteEndObject();
    }

    public override StreamId ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.StartObject);
        reader.EnterObject();
        string? ns = null, key = null;
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) break;
            switch (field.Id)
            {
                case 1: ns = WireGuard.ReadString(reader, field.WireType); break;
                case 2: key = WireGuard.ReadString(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        reader.ExitObject();
        if (ns is null) return default;
        try
        {
            return StreamId.Create(ns, key ?? throw new WireFormatException("A stream id lacks its key."));
        }
        catch (ArgumentException invalid)
        {
            throw WireGuard.Invalid("StreamId", invalid);
        }
    }
}

/// <summary>An event sequence token travels as an object {1: sequence number, 2: event index}.</summary>
internal sealed class EventSequenceTokenCodec : FieldCodec<EventSequenceToken>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, EventSequenceToken value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteStartObject(fieldId);
        writer.WriteFieldHeader(1, WireType.VarInt);
        writer.WriteVarInt64(value.SequenceNumber);
        writer.WriteFieldHeader(2, WireType.VarInt);
        writer.WriteVarInt32(value.EventIndex);
        writer.WriteEndObject();
    }

    public override EventSequenceToken ReadValue(GranaryReader reader, WireType wireType)
    {
        if (wireType == WireType.Null) return null!;
        WireGuard.Expect(wireType, WireType.StartObject);
        reader.EnterObject();
        long sequence = 0;
        var index = 0;
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) break;
            switch (field.Id)
            {
                case 1: WireGuard.Expect(field.WireType, WireType.VarInt); sequence = reader.ReadVarInt64(); break;
                case 2: WireGuard.Expect(field.WireType, WireType.VarInt); index = reader.ReadVarInt32(); break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        reader.ExitObject();
        return new EventSequenceToken(sequence, index);
    }
}
