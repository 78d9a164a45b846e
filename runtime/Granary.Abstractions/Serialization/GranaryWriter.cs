using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Granary.Serialization;

/// <summary>
/// Writes the Granary wire format into a growable pooled buffer. Not thread safe; reuse with <see cref="Reset"/>.
/// </summary>
public sealed class GranaryWriter : IDisposable
{
    private byte[] _buffer;
    private int _position;

    /// <summary>Creates a writer with an initial capacity.</summary>
    public GranaryWriter(int initialCapacity = 256) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>
    /// Set while deep-copying: grain references written are collected here so the copy can hand back the
    /// same instances instead of asking a reference factory for new ones.
    /// </summary>
    internal List<IAddressable>? CopiedReferences { get; set; }

    /// <summary>Bytes written so far.</summary>
    public int Length => _position;

    /// <summary>The bytes written so far; valid until the next write.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    /// <summary>The bytes written so far; valid until the next write.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _position);

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Reset() => _position = 0;

    /// <summary>Writes a field header: the member id and the payload layout.</summary>
    public void WriteFieldHeader(uint fieldId, WireType wireType) => WriteVarUInt64(((ulong)fieldId << 3) | (byte)wireType);

    /// <summary>Writes a null field.</summary>
    public void WriteNull(uint fieldId) => WriteFieldHeader(fieldId, WireType.Null);

    /// <summary>Opens an object field; close it with <see cref="WriteEndObject"/>.</summary>
    public void WriteStartObject(uint fieldId) => WriteFieldHeader(fieldId, WireType.StartObject);

    /// <summary>Closes the innermost object.</summary>
    public void WriteEndObject() => WriteByte((byte)WireType.EndObject);

    /// <summary>Opens an object field whose runtime type is named on the wire; close it with <see cref="WriteEndObject"/>.</summary>
    public void WriteStartTypedObject(uint fieldId, string typeName)
    {
        WriteFieldHeader(fieldId, WireType.TypedObject);
        WriteString(typeName);
    }

    /// <summary>Writes one raw byte.</summary>
    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    /// <summary>Writes an unsigned varint.</summary>
    public void WriteVarUInt32(uint value) => WriteVarUInt64(value);

    /// <summary>Writes an unsigned varint.</summary>
    public void WriteVarUInt64(ulong value)
    {
        Ensure(10);
        var buffer = _buffer;
        var position = _position;
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[position++] = (byte)value;
        _position = position;
    }

    /// <summary>Writes a signed varint, zig-zag encoded so small negatives stay small.</summary>
    public void WriteVarInt32(int value) => WriteVarUInt64((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes a signed varint, zig-zag encoded so small negatives stay small.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes four little-endian bytes.</summary>
    public void WriteFixed32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    /// <summary>Writes eight little-endian bytes.</summary>
    public void WriteFixed64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    /// <summary>Writes raw bytes without a length.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    /// <summary>Writes a varint length then the bytes.</summary>
    public void WriteLengthPrefixed(ReadOnlySpan<byte> bytes)
    {
        WriteVarUInt32((uint)bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>Writes a string as a varint byte length then UTF-8.</summary>
    public void WriteString(string value)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (maxBytes < 128)
        {
            // Short strings (the common case) fit a one-byte length: encode in place, patch the length.
            Ensure(maxBytes + 1);
            var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position + 1));
            _buffer[_position] = (byte)written;
            _position += written + 1;
            return;
        }

        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt32((uint)byteCount);
        Ensure(byteCount);
        _position += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position));
    }

    /// <summary>Reserves <paramref name="sizeHint"/> bytes and returns them; call <see cref="Advance"/> with what was used.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_position);
    }

    /// <summary>Commits bytes written into the span from <see cref="GetSpan"/>.</summary>
    public void Advance(int count) => _position += count;

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _position = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Ensure(int count)
    {
        if (_position + count <= _buffer.Length) return;
        Grow(count);
    }

    private void Grow(int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + count));
        _buffer.AsSpan(0, _position).CopyTo(larger);
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
