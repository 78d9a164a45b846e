using Granary.Invocation;
using Granary.Messaging;
using Granary.Serialization;

namespace Granary.Networking;

/// <summary>Codecs of the runtime's own message bodies, registered once per process.</summary>
internal static class RuntimeCodecs
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Codecs.Register(new ResponseCodec());
        Codecs.Register(new EnumerationNextCodec());
        Codecs.Register(new EnumerationDisposeCodec());
    }

    private sealed class ResponseCodec : ObjectCodec<Response>
    {
        public override void WriteFields(GranaryWriter writer, Response value)
        {
            if (value.Result is not null) Codecs.WritePolymorphic(writer, 1, value.Result);
            if (value.Exception is not null) Codecs.WritePolymorphic(writer, 2, value.Exception);
        }

        public override Response ReadFields(GranaryReader reader)
        {
            object? result = null;
            Exception? exception = null;
            while (true)
            {
                var field = reader.ReadFieldHeader();
                if (field.IsEndObject) break;
                switch (field.Id)
                {
                    case 1: result = Codecs.ReadAny(reader, field.WireType); break;
                    case 2: exception = Codecs.ReadAny(reader, field.WireType) as Exception; break;
                    default: reader.SkipField(field.WireType); break;
                }
            }

            return exception is null ? Response.FromResult(result) : Response.FromException(exception);
        }
    }

    private sealed class EnumerationNextCodec : ObjectCodec<EnumerationNextRequest>
    {
        public override void WriteFields(GranaryWriter writer, EnumerationNextRequest value) => Codecs.Get<long>().WriteField(writer, 1, value.EnumerationId);

        public override EnumerationNextRequest ReadFields(GranaryReader reader) => new(ReadId(reader));
    }

    private sealed class EnumerationDisposeCodec : ObjectCodec<EnumerationDisposeRequest>
    {
        public override void WriteFields(GranaryWriter writer, EnumerationDisposeRequest value) => Codecs.Get<long>().WriteField(writer, 1, value.EnumerationId);

        public override EnumerationDisposeRequest ReadFields(GranaryReader reader) => new(ReadId(reader));
    }

    private static long ReadId(GranaryReader reader)
    {
        long id = 0;
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) return id;
            if (field.Id == 1) id = Codecs.Get<long>().ReadValue(reader, field.WireType);
            else reader.SkipField(field.WireType);
        }
    }
}
