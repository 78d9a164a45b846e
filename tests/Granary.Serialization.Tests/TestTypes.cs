using Granary.Concurrency;

namespace Granary.Serialization.Tests;

public enum SByteEnum : sbyte { Min = sbyte.MinValue, Zero = 0, Max = sbyte.MaxValue }

public enum ByteEnum : byte { Zero = 0, Max = byte.MaxValue }

public enum ShortEnum : short { Min = short.MinValue, Max = short.MaxValue }

public enum UShortEnum : ushort { Max = ushort.MaxValue }

public enum IntEnum { Negative = -5, Zero = 0, Big = int.MaxValue }

public enum UIntEnum : uint { Max = uint.MaxValue }

public enum LongEnum : long { Min = long.MinValue, Max = long.MaxValue }

public enum ULongEnum : ulong { Max = ulong.MaxValue }

[Flags]
public enum Permissions { None = 0, Read = 1, Write = 2, Admin = 4 }

[Immutable]
public sealed class FrozenPoint(int x, int y)
{
    public int X { get; } = x;

    public int Y { get; } = y;
}

public sealed class MutableBox
{
    public List<int> Items { get; set; } = [];
}

public struct MutableStruct
{
    public int[] Values;
}

public static class Outer
{
    public sealed class Nested;

    public sealed class NestedGeneric<T>;
}

public sealed class Generic<T1, T2>;

[Serialization.Alias("test.aliased-point")]
public sealed class AliasedPoint;

[Serialization.Alias("test.box")]
public sealed class AliasedBox<T>;

[Serialization.Alias("test.found-by-search")]
public sealed class FoundBySearch;

public sealed class CustomFailureException : Exception
{
    public CustomFailureException() { }

    public CustomFailureException(string message) : base(message) { }

    public CustomFailureException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>No message constructor: the reader cannot rebuild it and must substitute.</summary>
public sealed class UnconstructibleException(int code) : Exception($"code {code}")
{
    public int Code { get; } = code;
}
