using Granary.Runtime;

namespace Granary.Serialization;

/// <summary>
/// Copies arguments and results of calls between grains of one silo, so neither side sees the other
/// mutate a shared object. Immutable values are passed as they are; the rest round-trip through their codecs.
/// </summary>
public static class Copier
{
    /// <summary>
    /// True when values of <paramref name="type"/> can be shared without copying: primitives, strings,
    /// decimals, Guids, times, URIs, enums, [Immutable] types, <see cref="Concurrency.Immutable{T}"/>,
    /// grain references, and nullable, tuple and immutable-collection shapes of those. Cached per type.
    /// </summary>
    public static bool IsImmutable(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ImmutableTypes.Is(type);
    }

    /// <summary>A copy of <paramref name="value"/> no one else holds, or the value itself when it cannot be mutated.</summary>
    public static T DeepCopy<T>(T value) => DeepCopy(value, references: null);

    /// <summary>
    /// As <see cref="DeepCopy{T}(T)"/>; <paramref name="references"/> makes references for grains that
    /// passed themselves (rather than a reference) inside the value.
    /// </summary>
    public static T DeepCopy<T>(T value, IGrainReferenceFactory? references)
    {
        if (value is null || ImmutableTypes.Of<T>.Value) return value;
        if (!typeof(T).IsValueType && value.GetType() != typeof(T) && ImmutableTypes.Is(value.GetType())) return value;
        return CopyContext.Copy(value, references);
    }

    /// <summary>A copy of <paramref name="value"/> no one else holds, or the value itself when it cannot be mutated.</summary>
    public static object? DeepCopy(object? value) =>
        value is null || ImmutableTypes.Is(value.GetType()) ? value : CopyContext.Copy(value, references: null);
}
