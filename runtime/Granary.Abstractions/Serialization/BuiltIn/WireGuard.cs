namespace Granary.Serialization.BuiltIn;

/// <summary>Checks shared by the built-in codecs, so each reports malformed input the same way.</summary>
internal static class WireGuard
{
    public static void Expect(WireType actual, WireType expected)
    {
        if (actual != expected) throw GranaryReader.Unexpected(actual, expected);
    }

    /// <summary>Reads a string payload, failing on any other layout.</summary>
    public static string ReadString(GranaryReader reader, WireType wireType)
    {
        Expect(wireType, WireType.LengthPrefixed);
        return reader.ReadString();
    }

    /// <summary>Reads a length-prefixed payload that must be exactly <paramref name="length"/> bytes.</summary>
    public static ReadOnlySpan<byte> ReadExactly(GranaryReader reader, WireType wireType, int length, string typeName)
    {
        Expect(wireType, WireType.LengthPrefixed);
        var bytes = reader.ReadLengthPrefixed();
        return bytes.Length == length
            ? bytes
            : throw new WireFormatException($"A {typeName} must be {length} bytes, found {bytes.Length}.");
    }

    /// <summary>Turns a constructor's rejection of out-of-range wire data into a wire-format error.</summary>
    public static WireFormatException Invalid(string typeName, Exception cause) =>
        new($"The wire holds an invalid {typeName}: {cause.Message}", cause);
}
