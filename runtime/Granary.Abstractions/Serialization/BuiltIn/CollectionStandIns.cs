using System.Collections.Concurrent;

namespace Granary.Serialization.BuiltIn;

/// <summary>
/// Collections the framework or the compiler made (the hidden types behind collection expressions such as
/// <c>[.. items]</c>, <c>ReadOnlyCollection</c>, LINQ iterators) have no codec, and their names mean nothing
/// to another process. Under a declared type of object or an interface they travel as the plain collection
/// their interfaces promise (<see cref="Dictionary{TKey, TValue}"/>, <see cref="HashSet{T}"/> or
/// <see cref="List{T}"/>), which satisfies the same interfaces when read back.
/// </summary>
internal static class CollectionStandIns
{
    private static readonly ConcurrentDictionary<Type, (Type WireType, IFieldCodec Codec)?> Known = new();

    /// <summary>The wire type and a codec that writes <paramref name="type"/>'s values in its layout, or false.</summary>
    public static bool TryGet(Type type, out Type wireType, out IFieldCodec codec)
    {
        var found = Known.GetOrAdd(type, static t => Find(t, out var wire, out var standIn) ? (wire, standIn) : null);
        (wireType, codec) = found ?? (type, null!);
        return found is not null;
    }

    private static bool Find(Type type, out Type wireType, out IFieldCodec codec)
    {
        wireType = type;
        codec = null!;
        if (!IsUnnameable(type)) return false;

        if ((FindInterface(type, typeof(IReadOnlyDictionary<,>)) ?? FindInterface(type, typeof(IDictionary<,>))) is { } dictionary)
        {
            var (key, value) = (dictionary.GetGenericArguments()[0], dictionary.GetGenericArguments()[1]);
            var entries = typeof(IEnumerable<>).MakeGenericType(typeof(KeyValuePair<,>).MakeGenericType(key, value));
            return Create(typeof(Dictionary<,>).MakeGenericType(key, value), typeof(DictionaryInterfaceCodec<,,>), [entries, key, value], out wireType, out codec);
        }

        if ((FindInterface(type, typeof(IReadOnlySet<>)) ?? FindInterface(type, typeof(ISet<>))) is { } set)
        {
            var item = set.GetGenericArguments()[0];
            return Create(typeof(HashSet<>).MakeGenericType(item), typeof(SetInterfaceCodec<,>), [typeof(IEnumerable<>).MakeGenericType(item), item], out wireType, out codec);
        }

        if (FindInterface(type, typeof(IEnumerable<>)) is { } sequence)
        {
            var item = sequence.GetGenericArguments()[0];
            return Create(typeof(List<>).MakeGenericType(item), typeof(ListInterfaceCodec<,>), [sequence, item], out wireType, out codec);
        }

        return false;
    }

    /// <summary>
    /// Compiler-generated types (their names start with '&lt;') and framework types: no one can mark them
    /// [GenerateSerializer]. A user's own collection type without a codec still fails with a clear message.
    /// </summary>
    private static bool IsUnnameable(Type type) =>
        type.Name.StartsWith('<') || type.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal));

    private static Type? FindInterface(Type type, Type definition) =>
        Array.Find(type.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static bool Create(Type wire, Type codecDefinition, Type[] arguments, out Type wireType, out IFieldCodec codec)
    {
        wireType = wire;
        try
        {
            codec = (IFieldCodec)Activator.CreateInstance(codecDefinition.MakeGenericType(arguments))!;
            return true;
        }
        catch (ArgumentException)
        {
            // A generic constraint the element types cannot meet.
            codec = null!;
            return false;
        }
    }
}
