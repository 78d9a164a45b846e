using System.Buffers.Binary;

namespace Granary.Serialization.BuiltIn;

internal sealed class SingleCodec : FieldCodec<float>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, float value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed32);
        writer.WriteFixed32(BitConverter.SingleToUInt32Bits(value));
    }

    public override float ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.Fixed32);
        return BitConverter.UInt32BitsToSingle(reader.ReadFixed32());
    }
}

internal sealed class DoubleCodec : FieldCodec<double>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, double value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed64);
        writer.WriteFixed64(BitConverter.DoubleToUInt64Bits(value));
    }

    public override double ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.Fixed64);
        return BitConverter.UInt64BitsToDouble(reader.ReadFixed64());
    }
}

/// <summary>The four 32-bit parts of <see cref="decimal.GetBits(decimal)"/>, little-endian: exact, including scale.</summary>
internal sealed class DecimalCodec : FieldCodec<decimal>
{
    private const int Size = 16;

    public override void WriteField(GranaryWriter writer, uint fieldId, decimal value)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteByte(Size);
        var bytes = writer.GetSpan(Size);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes[(i * 4)..], parts[i]);
        writer.Advance(Size);
    }

    public override decimal ReadValue(GranaryReader reader, WireType wireType)
    {
        var bytes = WireGuard.ReadExactly(reader, wireType, Size, "decimal");
        Span<int> parts = stackalloc int[4];
        for (var i = 0; i < 4; i++) parts[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
        try
        {
            return new decimal(parts);
        }
        catch (ArgumentException invalid)
        {
            // A hostile or corrupt flags word (bad scale or reserved bits) is rejected by the constructor.
            throw WireGuard.Invalid("decimal", invalid);
        }
    }
}
