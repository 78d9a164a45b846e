namespace Granary.Serialization;

/// <summary>Writes and reads values of one type as fields of the Granary wire format, without knowing the type statically.</summary>
public interface IFieldCodec
{
    /// <summary>The type this codec handles.</summary>
    Type ValueType { get; }

    /// <summary>Writes a field header and payload for <paramref name="value"/>.</summary>
    void WriteFieldUntyped(GranaryWriter writer, uint fieldId, object? value);

    /// <summary>Reads the payload of a field whose header was already read.</summary>
    object? ReadValueUntyped(GranaryReader reader, WireType wireType);
}

/// <summary>Writes and reads values of <typeparamref name="T"/> as fields of the Granary wire format.</summary>
public interface IFieldCodec<T> : IFieldCodec
{
    /// <summary>Writes a field header and payload for <paramref name="value"/>.</summary>
    void WriteField(GranaryWriter writer, uint fieldId, T value);

    /// <summary>Reads the payload of a field whose header (of layout <paramref name="wireType"/>) was already read.</summary>
    T ReadValue(GranaryReader reader, WireType wireType);
}

/// <summary>Implemented by codecs of object-shaped types, so a value can be written under a type name when its runtime type differs from the declared one.</summary>
public interface IObjectFieldsCodec : IFieldCodec
{
    /// <summary>Writes the members only; the caller writes the start and end of the object.</summary>
    void WriteFieldsUntyped(GranaryWriter writer, object value);

    /// <summary>Reads the members, through and including the end of the object.</summary>
    object ReadFieldsUntyped(GranaryReader reader);
}

/// <summary>Base of codecs: bridges the typed and untyped entry points.</summary>
public abstract class FieldCodec<T> : IFieldCodec<T>
{
    /// <inheritdoc />
    public Type ValueType => typeof(T);

    /// <inheritdoc />
    public abstract void WriteField(GranaryWriter writer, uint fieldId, T value);

    /// <inheritdoc />
    public abstract T ReadValue(GranaryReader reader, WireType wireType);

    /// <inheritdoc />
    public void WriteFieldUntyped(GranaryWriter writer, uint fieldId, object? value) => WriteField(writer, fieldId, (T)value!);

    /// <inheritdoc />
    public object? ReadValueUntyped(GranaryReader reader, WireType wireType) => ReadValue(reader, wireType);
}

/// <summary>
/// Base of generated codecs for classes and records. Handles null and polymorphism (a derived runtime
/// type is written under its type name); derived classes write and read the members.
/// </summary>
public abstract class ObjectCodec<T> : FieldCodec<T>, IObjectFieldsCodec where T : class
{
    /// <inheritdoc />
    public sealed override void WriteField(GranaryWriter writer, uint fieldId, T value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        if (value.GetType() != typeof(T))
        {
            Codecs.WritePolymorphic(writer, fieldId, value);
            return;
        }

        writer.WriteStartObject(fieldId);
        WriteFields(writer, value);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public sealed override T ReadValue(GranaryReader reader, WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Null:
                return null!;
            case WireType.TypedObject:
                return Codecs.ReadPolymorphicBody(reader) as T
                    ?? throw new WireFormatException($"A typed object on the wire is not a {typeof(T).Name}.");
            case WireType.StartObject:
                reader.EnterObject();
                var value = ReadFields(reader);
                reader.ExitObject();
                return value;
            default:
                throw GranaryReader.Unexpected(wireType, WireType.StartObject);
        }
    }

    /// <summary>Writes the members; the caller writes the start and the end of the object.</summary>
    public abstract void WriteFields(GranaryWriter writer, T value);

    /// <summary>Reads the members, through and including the end of the object; unknown fields are skipped.</summary>
    public abstract T ReadFields(GranaryReader reader);

    void IObjectFieldsCodec.WriteFieldsUntyped(GranaryWriter writer, object value) => WriteFields(writer, (T)value);

    object IObjectFieldsCodec.ReadFieldsUntyped(GranaryReader reader) => ReadFields(reader);
}

/// <summary>Base of generated codecs for structs: an object without null or polymorphism.</summary>
public abstract class StructCodec<T> : FieldCodec<T>, IObjectFieldsCodec where T : struct
{
    /// <inheritdoc />
    public sealed override void WriteField(GranaryWriter writer, uint fieldId, T value)
    {
        writer.WriteStartObject(fieldId);
        WriteFields(writer, value);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public sealed override T ReadValue(GranaryReader reader, WireType wireType)
    {
        if (wireType == WireType.TypedObject)
        {
            return Codecs.ReadPolymorphicBody(reader) is T typed
                ? typed
                : throw new WireFormatException($"A typed object on the wire is not a {typeof(T).Name}.");
        }

        if (wireType != WireType.StartObject) throw GranaryReader.Unexpected(wireType, WireType.StartObject);
        reader.EnterObject();
        var value = ReadFields(reader);
        reader.ExitObject();
        return value;
    }

    /// <summary>Writes the members; the caller writes the start and the end of the object.</summary>
    public abstract void WriteFields(GranaryWriter writer, T value);

    /// <summary>Reads the members, through and including the end of the object; unknown fields are skipped.</summary>
    public abstract T ReadFields(GranaryReader reader);

    void IObjectFieldsCodec.WriteFieldsUntyped(GranaryWriter writer, object value) => WriteFields(writer, (T)value);

    object IObjectFieldsCodec.ReadFieldsUntyped(GranaryReader reader) => ReadFields(reader);
}
