namespace Granary.Serialization.BuiltIn;

// Unsigned integers are plain varints; signed ones are zig-zag varints so small negatives stay small.

internal sealed class BooleanCodec : FieldCodec<bool>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, bool value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteByte(value ? (byte)1 : (byte)0);
    }

    public override bool ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return reader.ReadVarUInt64() != 0;
    }
}

internal sealed class ByteCodec : FieldCodec<byte>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, byte value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt32(value);
    }

    public override byte ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return (byte)reader.ReadVarUInt32();
    }
}

internal sealed class UInt16Codec : FieldCodec<ushort>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, ushort value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt32(value);
    }

    public override ushort ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return (ushort)reader.ReadVarUInt32();
    }
}

internal sealed class UInt32Codec : FieldCodec<uint>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, uint value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt32(value);
    }

    public override uint ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return reader.ReadVarUInt32();
    }
}

internal sealed class UInt64Codec : FieldCodec<ulong>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, ulong value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt64(value);
    }

    public override ulong ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return reader.ReadVarUInt64();
    }
}

internal sealed class CharCodec : FieldCodec<char>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, char value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt32(value);
    }

    public override char ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return (char)reader.ReadVarUInt32();
    }
}
