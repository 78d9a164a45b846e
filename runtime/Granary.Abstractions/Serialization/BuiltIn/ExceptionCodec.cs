namespace Granary.Serialization.BuiltIn;

/// <summary>Marks the built-in exception codecs, so polymorphic writes can route every exception through one of them.</summary>
internal interface IExceptionCodec : IRuntimeTypedCodec;

/// <summary>
/// Any exception, as an object {1: type wire name, 2: message, 3: stack trace, 4: inner exception, 5: HResult}.
/// The runtime type travels inside the object rather than as a typed object, so an unknown type still
/// yields a faithful substitute instead of a failed read.
/// </summary>
internal sealed class ExceptionCodec<T> : FieldCodec<T>, IExceptionCodec where T : Exception
{
    public override void WriteField(GranaryWriter writer, uint fieldId, T value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        var strings = Codecs.Get<string>();
        writer.WriteStartObject(fieldId);
        // A stand-in forwarded again keeps the name of what was really thrown.
        var typeName = value is UnknownRemoteException unknown ? unknown.OriginalTypeName : TypeNames.GetName(value.GetType());
        strings.WriteField(writer, 1, typeName);
        strings.WriteField(writer, 2, value.Message);
        strings.WriteField(writer, 3, value.StackTrace!);
        Codecs.Get<Exception>().WriteField(writer, 4, value.InnerException!);
        writer.WriteFieldHeader(5, WireType.VarInt);
        writer.WriteVarInt32(value.HResult);
        writer.WriteEndObject();
    }

    public override T ReadValue(GranaryReader reader, WireType wireType)
    {
        if (wireType == WireType.Null) return null!;
        WireGuard.Expect(wireType, WireType.StartObject);
        reader.EnterObject();
        var strings = Codecs.Get<string>();
        var remote = new RemoteExceptionData();
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) break;
            switch (field.Id)
            {
                case 1: remote.TypeName = strings.ReadValue(reader, field.WireType); break;
                case 2: remote.Message = strings.ReadValue(reader, field.WireType); break;
                case 3: remote.StackTrace = strings.ReadValue(reader, field.WireType); break;
                case 4: remote.InnerException = Codecs.Get<Exception>().ReadValue(reader, field.WireType); break;
                case 5:
                    WireGuard.Expect(field.WireType, WireType.VarInt);
                    remote.HResult = reader.ReadVarInt32();
                    break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        reader.ExitObject();
        return RemoteExceptions.Create<T>(remote);
    }
}
