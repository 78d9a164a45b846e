namespace Granary.Serialization.BuiltIn;

internal sealed class StringCodec : FieldCodec<string>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, string value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteString(value);
    }

    public override string ReadValue(GranaryReader reader, WireType wireType)
    {
        if (wireType == WireType.Null) return null!;
        WireGuard.Expect(wireType, WireType.LengthPrefixed);
        return reader.ReadString();
    }
}

internal sealed class ByteArrayCodec : FieldCodec<byte[]>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, byte[] value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteLengthPrefixed(value);
    }

    public override byte[] ReadValue(GranaryReader reader, WireType wireType)
    {
        if (wireType == WireType.Null) return null!;
        WireGuard.Expect(wireType, WireType.LengthPrefixed);
        return reader.ReadLengthPrefixed().ToArray();
    }
}

internal sealed class GuidCodec : FieldCodec<Guid>
{
    private const int Size = 16;

    public override void WriteField(GranaryWriter writer, uint fieldId, Guid value)
    {
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteByte(Size);
        value.TryWriteBytes(writer.GetSpan(Size));
        writer.Advance(Size);
    }

    public override Guid ReadValue(GranaryReader reader, WireType wireType) =>
        new(WireGuard.ReadExactly(reader, wireType, Size, "Guid"));
}

/// <summary>The original string, so relative URIs and exact spelling survive the trip.</summary>
internal sealed class UriCodec : FieldCodec<Uri>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, Uri value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteString(value.OriginalString);
    }

    public override Uri ReadValue(GranaryReader reader, WireType wireType)
    {
        if (wireType == WireType.Null) return null!;
        WireGuard.Expect(wireType, WireType.LengthPrefixed);
        var text = reader.ReadString();
        return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri)
            ? uri
            : throw new WireFormatException($"The wire holds an invalid URI '{text}'.");
    }
}
