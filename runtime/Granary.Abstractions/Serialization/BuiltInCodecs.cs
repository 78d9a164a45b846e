using System.Collections.Immutable;
using Granary.Runtime;
using Granary.Serialization.BuiltIn;

namespace Granary.Serialization;

/// <summary>Creates codecs for types the generator does not see: primitives, collections, enums, nullable, exceptions.</summary>
internal static class BuiltInCodecs
{
    private static readonly Dictionary<Type, IFieldCodec> Scalars = CreateScalars();

    /// <summary>Generic shapes: the codec definition and whether the declared type itself is its first type argument.</summary>
    private static readonly Dictionary<Type, (Type Codec, bool PassesDeclaredType)> Generics = new()
    {
        [typeof(Nullable<>)] = (typeof(NullableCodec<>), false),
        [typeof(Concurrency.Immutable<>)] = (typeof(ImmutableWrapperCodec<>), false),
        [typeof(List<>)] = (typeof(ListCodec<>), false),
        [typeof(IList<>)] = (typeof(ListInterfaceCodec<,>), true),
        [typeof(IReadOnlyList<>)] = (typeof(ListInterfaceCodec<,>), true),
        [typeof(ICollection<>)] = (typeof(ListInterfaceCodec<,>), true),
        [typeof(IReadOnlyCollection<>)] = (typeof(ListInterfaceCodec<,>), true),
        [typeof(IEnumerable<>)] = (typeof(ListInterfaceCodec<,>), true),
        [typeof(HashSet<>)] = (typeof(HashSetCodec<>), false),
        [typeof(ISet<>)] = (typeof(SetInterfaceCodec<,>), true),
        [typeof(IReadOnlySet<>)] = (typeof(SetInterfaceCodec<,>), true),
        [typeof(ImmutableArray<>)] = (typeof(ImmutableArrayCodec<>), false),
        [typeof(ImmutableList<>)] = (typeof(ImmutableListCodec<>), false),
        [typeof(ImmutableHashSet<>)] = (typeof(ImmutableHashSetCodec<>), false),
        [typeof(Dictionary<,>)] = (typeof(DictionaryCodec<,>), false),
        [typeof(IDictionary<,>)] = (typeof(DictionaryInterfaceCodec<,,>), true),
        [typeof(IReadOnlyDictionary<,>)] = (typeof(DictionaryInterfaceCodec<,,>), true),
        [typeof(ImmutableDictionary<,>)] = (typeof(ImmutableDictionaryCodec<,>), false),
        [typeof(KeyValuePair<,>)] = (typeof(KeyValuePairCodec<,>), false),
        [typeof(ValueTuple<,>)] = (typeof(ValueTupleCodec<,>), false),
        [typeof(ValueTuple<,,>)] = (typeof(ValueTupleCodec<,,>), false),
        [typeof(ValueTuple<,,,>)] = (typeof(ValueTupleCodec<,,,>), false),
    };

    /// <summary>A codec for <paramref name="type"/>, or null when it is not a built-in shape. Called once per type.</summary>
    public static IFieldCodec? TryCreate(Type type)
    {
        if (type.ContainsGenericParameters || type.IsByRef || type.IsPointer || type.IsByRefLike) return null;
        if (Scalars.TryGetValue(type, out var scalar)) return scalar;
        if (type.IsEnum) return IsSupportedEnum(type) ? Instantiate(typeof(EnumCodec<>), type) : null;
        if (type.IsSZArray) return Instantiate(typeof(ArrayCodec<>), type.GetElementType()!);
        if (type.IsGenericType && Generics.TryGetValue(type.GetGenericTypeDefinition(), out var shape))
        {
            var arguments = type.GetGenericArguments();
            return Instantiate(shape.Codec, shape.PassesDeclaredType ? [type, .. arguments] : arguments);
        }

        if (IsGrainReference(type)) return Instantiate(typeof(GrainReferenceCodec<>), type);
        if (typeof(Exception).IsAssignableFrom(type)) return Instantiate(typeof(ExceptionCodec<>), type);
        if (type == typeof(object) || type.IsInterface || (type.IsAbstract && type.IsClass)) return Instantiate(typeof(PolymorphicCodec<>), type);
        return null;
    }

    /// <summary>Grain interfaces, and proxy classes, which write themselves as references.</summary>
    private static bool IsGrainReference(Type type) =>
        typeof(IAddressable).IsAssignableFrom(type) && (type.IsInterface || typeof(GrainReference).IsAssignableFrom(type));

    /// <summary>The underlying types C# allows; IL also allows bool and char, which the codec cannot reinterpret.</summary>
    private static bool IsSupportedEnum(Type type) =>
        Type.GetTypeCode(Enum.GetUnderlyingType(type)) is >= TypeCode.SByte and <= TypeCode.UInt64;

    private static IFieldCodec? Instantiate(Type codecDefinition, params Type[] arguments)
    {
        try
        {
            return (IFieldCodec)Activator.CreateInstance(codecDefinition.MakeGenericType(arguments))!;
        }
        catch (ArgumentException)
        {
            // A constraint the shape cannot meet (types named by a hostile peer included): no codec.
            return null;
        }
    }

    private static Dictionary<Type, IFieldCodec> CreateScalars()
    {
        IFieldCodec[] codecs =
        [
            new BooleanCodec(), new ByteCodec(), new SByteCodec(), new Int16Codec(), new UInt16Codec(),
            new Int32Codec(), new UInt32Codec(), new Int64Codec(), new UInt64Codec(), new CharCodec(),
            new SingleCodec(), new DoubleCodec(), new DecimalCodec(), new StringCodec(), new ByteArrayCodec(),
            new GuidCodec(), new UriCodec(), new DateTimeCodec(), new DateTimeOffsetCodec(), new TimeSpanCodec(),
            new DateOnlyCodec(), new TimeOnlyCodec(),
            new Streams.StreamIdCodec(), new Streams.EventSequenceTokenCodec(),
        ];
        var byType = new Dictionary<Type, IFieldCodec>(codecs.Length);
        foreach (var codec in codecs) byType.Add(codec.ValueType, codec);
        return byType;
    }
}
