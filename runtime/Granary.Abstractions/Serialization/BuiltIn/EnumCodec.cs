using System.Runtime.CompilerServices;

namespace Granary.Serialization.BuiltIn;

/// <summary>
/// The underlying value widened to <see cref="long"/>, zig-zag encoded. Reinterpreting the enum's bits
/// avoids boxing; the switch on a static readonly type code folds away when the JIT specializes T.
/// </summary>
internal sealed class EnumCodec<T> : FieldCodec<T> where T : struct, Enum
{
    private static readonly TypeCode Underlying = Type.GetTypeCode(Enum.GetUnderlyingType(typeof(T)));

    public override void WriteField(GranaryWriter writer, uint fieldId, T value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(ToInt64(value));
    }

    public override T ReadValue(GranaryReader reader, WireType wireType)
    {
        WireGuard.Expect(wireType, WireType.VarInt);
        return FromInt64(reader.ReadVarInt64());
    }

    private static long ToInt64(T value) => Underlying switch
    {
        TypeCode.SByte => Unsafe.As<T, sbyte>(ref value),
        TypeCode.Byte => Unsafe.As<T, byte>(ref value),
        TypeCode.Int16 => Unsafe.As<T, short>(ref value),
        TypeCode.UInt16 => Unsafe.As<T, ushort>(ref value),
        TypeCode.Int32 => Unsafe.As<T, int>(ref value),
        TypeCode.UInt32 => Unsafe.As<T, uint>(ref value),
        TypeCode.Int64 => Unsafe.As<T, long>(ref value),
        _ => (long)Unsafe.As<T, ulong>(ref value),
    };

    private static T FromInt64(long value)
    {
        switch (Underlying)
        {
            case TypeCode.SByte: return Reinterpret((sbyte)value);
            case TypeCode.Byte: return Reinterpret((byte)value);
            case TypeCode.Int16: return Reinterpret((short)value);
            case TypeCode.UInt16: return Reinterpret((ushort)value);
            case TypeCode.Int32: return Reinterpret((int)value);
            case TypeCode.UInt32: return Reinterpret((uint)value);
            case TypeCode.Int64: return Reinterpret(value);
            default: return Reinterpret((ulong)value);
        }
    }

    private static T Reinterpret<TUnderlying>(TUnderlying value) where TUnderlying : struct => Unsafe.As<TUnderlying, T>(ref value);
}
