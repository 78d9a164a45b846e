namespace Granary.Serialization.BuiltIn;

internal sealed class SByteCodec : FieldCodec<sbyte>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, sbyte value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt32(value);
    }

    public override sbyte ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return (sbyte)reader.ReadVarInt32();
    }
}

internal sealed class Int16Codec : FieldCodec<short>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, short value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt32(value);
    }

    public override short ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return (short)reader.ReadVarInt32();
    }
}

internal sealed class Int32Codec : FieldCodec<int>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, int value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt32(value);
    }

    public override int ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return reader.ReadVarInt32();
    }
}

internal sealed class Int64Codec : FieldCodec<long>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, long value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(value);
    }

    public override long ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return reader.ReadVarInt64();
    }
}
