using Granary.Concurrency;

namespace Granary.Serialization.BuiltIn;

/// <summary>Exactly what <typeparamref name="T"/>'s codec writes: wrapping a member in Immutable&lt;T&gt; stays wire compatible.</summary>
internal sealed class ImmutableWrapperCodec<T> : FieldCodec<Immutable<T>>
{
    public override void WriteField(GranaryWriter writer, uint fieldId, Immutable<T> value) =>
        Codecs.Get<T>().WriteField(writer, fieldId, value.Value);

    public override Immutable<T> ReadValue(GranaryReader reader, WireType wireType) =>
        new(Codecs.Get<T>().ReadValue(reader, wireType));
}
