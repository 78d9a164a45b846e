namespace Granary.Serialization.BuiltIn;

/// <summary>
/// Members declared as <see cref="object"/>, an interface or an abstract class: the value's runtime type
/// is named on the wire so the reader can find its codec.
/// </summary>
internal sealed class PolymorphicCodec<T> : FieldCodec<T>, IRuntimeTypedCodec where T : class
{
    public override void WriteField(GranaryWriter writer, uint fieldId, T value) => Codecs.WritePolymorphic(writer, fieldId, value);

    public override T ReadValue(GranaryReader reader, WireType wireType) => Codecs.ReadAny(reader, wireType) switch
    {
        null => null!,
        T typed => typed,
        var other => throw new WireFormatException($"A {other.GetType().Name} on the wire is not a {typeof(T).Name}."),
    };
}
