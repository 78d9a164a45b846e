using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Granary.Concurrency;
using Granary.Runtime;

namespace Granary.Serialization;

/// <summary>Which types the copier may share instead of copying; decided once per type.</summary>
internal static class ImmutableTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Known = new();

    private static readonly HashSet<Type> Scalars =
    [
        typeof(string), typeof(decimal), typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Half), typeof(Int128), typeof(UInt128),
    ];

    /// <summary>Generic shapes that are immutable exactly when all their type arguments are.</summary>
    private static readonly HashSet<Type> ImmutableWhenArgumentsAre =
    [
        typeof(Nullable<>), typeof(KeyValuePair<,>), typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>),
        typeof(ValueTuple<,,,>), typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>),
        typeof(ImmutableDictionary<,>),
    ];

    public static bool Is(Type type) => Known.TryGetValue(type, out var immutable) ? immutable : Known.GetOrAdd(type, Decide(type));

    private static bool Decide(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || Scalars.Contains(type)) return true;
        if (type.IsDefined(typeof(ImmutableAttribute), inherit: false)) return true;
        if (typeof(GrainReference).IsAssignableFrom(type)) return true;
        if (!type.IsConstructedGenericType) return false;
        var definition = type.GetGenericTypeDefinition();
        // The sender promised not to mutate what it wrapped.
        if (definition == typeof(Immutable<>)) return true;
        if (!ImmutableWhenArgumentsAre.Contains(definition)) return false;
        foreach (var argument in type.GetGenericArguments())
        {
            if (!Is(argument)) return false;
        }

        return true;
    }

    /// <summary>The answer for <typeparamref name="T"/> in a static field, so the generic copy path skips the dictionary.</summary>
    public static class Of<T>
    {
        public static readonly bool Value = Is(typeof(T));
    }
}
