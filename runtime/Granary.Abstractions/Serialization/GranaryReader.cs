using System.Buffers.Binary;
using System.Text;
using Granary.Runtime;

namespace Granary.Serialization;

/// <summary>
/// Reads the Granary wire format from a contiguous buffer. Every read is bounds-checked: malformed input
/// raises <see cref="WireFormatException"/>, never an out-of-range read or unbounded recursion.
/// </summary>
public sealed class GranaryReader
{
    /// <summary>Deepest nesting of objects accepted; guards the stack against hostile input.</summary>
    public const int MaxDepth = 64;

    private ReadOnlyMemory<byte> _memory;
    private int _position;
    private int _depth;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    public GranaryReader(ReadOnlyMemory<byte> data, IGrainReferenceFactory? referenceFactory = null)
    {
        _memory = data;
        ReferenceFactory = referenceFactory;
    }

    /// <summary>Creates grain references for reference-typed fields; null where none can be read.</summary>
    public IGrainReferenceFactory? ReferenceFactory { get; }

    /// <summary>The read position.</summary>
    public int Position => _position;

    /// <summary>True when every byte was read.</summary>
    public bool IsAtEnd => _position >= _memory.Length;

    /// <summary>Bytes not read yet; bounds the counts a hostile peer may claim.</summary>
    public int Remaining => _memory.Length - _position;

    private ReadOnlySpan<byte> Span => _memory.Span;

    /// <summary>Points the reader at new data.</summary>
    public void Reset(ReadOnlyMemory<byte> data)
    {
        _memory = data;
        _position = 0;
        _depth = 0;
    }

    /// <summary>Reads a field header.</summary>
    public Field ReadFieldHeader()
    {
        var header = ReadVarUInt64();
        var wireType = (WireType)(header & 7);
        var id = header >> 3;
        if (id > uint.MaxValue) throw new WireFormatException($"Field id {id} is out of range.");
        return new Field((uint)id, wireType);
    }

    /// <summary>Reads one raw byte.</summary>
    public byte ReadByte()
    {
        if (_position >= _memory.Length) throw Truncated();
        return Span[_position++];
    }

    /// <summary>Reads an unsigned varint.</summary>
    public uint ReadVarUInt32()
    {
        var value = ReadVarUInt64();
        return value <= uint.MaxValue ? (uint)value : throw new WireFormatException("A 32-bit varint overflowed.");
    }

    /// <summary>Reads an unsigned varint.</summary>
    public ulong ReadVarUInt64()
    {
        var span = Span;
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= span.Length) throw Truncated();
            var b = span[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }

        throw new WireFormatException("A varint is longer than ten bytes.");
    }

    /// <summary>Reads a zig-zag encoded signed varint.</summary>
    public int ReadVarInt32()
    {
        var raw = ReadVarUInt32();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    /// <summary>Reads a zig-zag encoded signed varint.</summary>
    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Reads four little-endian bytes.</summary>
    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadRaw(4));

    /// <summary>Reads eight little-endian bytes.</summary>
    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadRaw(8));

    /// <summary>Reads exactly <paramref name="count"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadRaw(int count)
    {
        if (count < 0 || count > _memory.Length - _position) throw Truncated();
        var slice = Span.Slice(_position, count);
        _position += count;
        return slice;
    }

    /// <summary>Reads a varint length and that many bytes.</summary>
    public ReadOnlySpan<byte> ReadLengthPrefixed()
    {
        var length = ReadVarUInt32();
        return length <= int.MaxValue ? ReadRaw((int)length) : throw Truncated();
    }

    /// <summary>Reads a UTF-8 string with a varint byte length.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadLengthPrefixed());

    /// <summary>Reads a field header and fails unless it is a string, then reads the string.</summary>
    public string ReadStringField()
    {
        var field = ReadFieldHeader();
        if (field.WireType != WireType.LengthPrefixed) throw Unexpected(field.WireType, WireType.LengthPrefixed);
        return ReadString();
    }

    /// <summary>Call on entering an object's fields; pairs with <see cref="ExitObject"/>.</summary>
    public void EnterObject()
    {
        if (++_depth > MaxDepth) throw new WireFormatException($"Objects are nested deeper than {MaxDepth} levels.");
    }

    /// <summary>Call after reading an object's <see cref="WireType.EndObject"/>.</summary>
    public void ExitObject() => _depth--;

    /// <summary>Skips a field's payload of the given layout, including nested objects.</summary>
    public void SkipField(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.VarInt: ReadVarUInt64(); break;
            case WireType.Fixed32: ReadRaw(4); break;
            case WireType.Fixed64: ReadRaw(8); break;
            case WireType.LengthPrefixed: ReadLengthPrefixed(); break;
            case WireType.Null: break;
            case WireType.TypedObject:
                ReadLengthPrefixed();
                SkipObjectBody();
                break;
            case WireType.StartObject: SkipObjectBody(); break;
            default: throw new WireFormatException($"Cannot skip a field of wire type {wireType}.");
        }
    }

    /// <summary>Skips fields up to and including the end of the current object.</summary>
    public void SkipObjectBody()
    {
        EnterObject();
        while (true)
        {
            var field = ReadFieldHeader();
            if (field.IsEndObject) break;
            SkipField(field.WireType);
        }

        ExitObject();
    }

    /// <summary>An error for a field whose layout is not the one a codec expects.</summary>
    public static WireFormatException Unexpected(WireType actual, WireType expected) =>
        new($"Expected wire type {expected} but found {actual}.");

    private static WireFormatException Truncated() => new("The data ended in the middle of a value.");
}

/// <summary>Data on the wire is not valid Granary format.</summary>
public sealed class WireFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WireFormatException() : this("Invalid Granary wire format.") { }

    /// <summary>Creates the exception with a message.</summary>
    public WireFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public WireFormatException(string message, Exception innerException) : base(message, innerException) { }
}
