namespace Granary.Serialization.BuiltIn;

/// <summary>A null field, or exactly what <typeparamref name="T"/>'s codec writes: adding '?' to a member stays compatible.</summary>
internal sealed class NullableCodec<T> : FieldCodec<T?> where T : struct
{
    public override void WriteField(GranaryWriter writer, uint fieldId, T? value)
    {
        if (value.HasValue) Codecs.Get<T>().WriteField(writer, fieldId, value.GetValueOrDefault());
        else writer.WriteNull(fieldId);
    }

    public override T? ReadValue(GranaryReader reader, WireType wireType) =>
        wireType == WireType.Null ? null : Codecs.Get<T>().ReadValue(reader, wireType);
}
