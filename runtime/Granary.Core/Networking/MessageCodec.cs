using Granary.Messaging;
using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Networking;

/// <summary>
/// Messages on the wire: headers as numbered fields (unknown ones skipped, so versions can mix), the
/// body under its type name. The same reader limits as any Granary value apply to hostile input.
/// </summary>
internal static class MessageCodec
{
    private const uint IdField = 1, DirectionField = 2, TargetTypeField = 3, TargetKeyField = 4, TargetActivationField = 5;
    private const uint TargetSiloField = 6, SenderTypeField = 7, SenderKeyField = 8, SendingSiloField = 9, SendingClientField = 10;
    private const uint BodyField = 11, RequestContextField = 12, CallChainField = 13, ReentrancyField = 14, CancelledField = 15, ForwardField = 16;

    public static void Write(GranaryWriter writer, Message message)
    {
        WriteVarInt(writer, IdField, message.Id);
        WriteVarInt(writer, DirectionField, (long)message.Direction);
        WriteString(writer, TargetTypeField, message.Target.Type.Value);
        WriteString(writer, TargetKeyField, message.Target.Key);
        if (message.TargetActivation != 0) WriteVarInt(writer, TargetActivationField, message.TargetActivation);
        if (message.TargetSilo is { } targetSilo) WriteString(writer, TargetSiloField, targetSilo.ToString());
        if (message.Sender is { } sender)
        {
            WriteString(writer, SenderTypeField, sender.Type.Value);
            WriteString(writer, SenderKeyField, sender.Key);
        }

        if (message.SendingSilo is { } sendingSilo) WriteString(writer, SendingSiloField, sendingSilo.ToString());
        if (message.SendingClient is { } client) WriteString(writer, SendingClientField, client);
        if (message.Body is not null) Codecs.WritePolymorphic(writer, BodyField, message.Body);
        if (message.RequestContext is { Count: > 0 } context) Codecs.Get<Dictionary<string, object?>>().WriteField(writer, RequestContextField, context);
        if (message.CallChain is { Length: > 0 } chain) WriteChain(writer, chain);
        if (message.AllowCallChainReentrancy) WriteVarInt(writer, ReentrancyField, 1);
        if (message.CancelledRequestId != 0) WriteVarInt(writer, CancelledField, message.CancelledRequestId);
        if (message.ForwardCount != 0) WriteVarInt(writer, ForwardField, message.ForwardCount);
    }

    public static Message Read(GranaryReader reader)
    {
        var headers = new Headers();
        while (!reader.IsAtEnd)
        {
            var field = reader.ReadFieldHeader();
            headers.Read(reader, field);
        }

        return headers.ToMessage();
    }

    private static void WriteVarInt(GranaryWriter writer, uint field, long value)
    {
        writer.WriteFieldHeader(field, WireType.VarInt);
        writer.WriteVarInt64(value);
    }

    private static void WriteString(GranaryWriter writer, uint field, string value)
    {
        writer.WriteFieldHeader(field, WireType.LengthPrefixed);
        writer.WriteString(value);
    }

    private static void WriteChain(GranaryWriter writer, CallChainEntry[] chain)
    {
        writer.WriteStartObject(CallChainField);
        foreach (var entry in chain)
        {
            WriteString(writer, 1, entry.Grain.Type.Value);
            WriteString(writer, 2, entry.Grain.Key);
            WriteVarInt(writer, 3, entry.ActivationId);
            WriteVarInt(writer, 4, entry.RequestId);
        }

        writer.WriteEndObject();
    }

    private sealed class Headers
    {
        private long _id, _targetActivation, _cancelled;
        private int _direction, _forward;
        private string? _targetType, _targetKey, _senderType, _senderKey, _targetSilo, _sendingSilo, _client;
        private object? _body;
        private Dictionary<string, object?>? _context;
        private CallChainEntry[]? _chain;
        private bool _reentrancy;

        public void Read(GranaryReader reader, Field field)
        {
            switch (field.Id)
            {
                case IdField: _id = ReadLong(reader, field); break;
                case DirectionField: _direction = (int)ReadLong(reader, field); break;
                case TargetTypeField: _targetType = ReadString(reader, field); break;
                case TargetKeyField: _targetKey = ReadString(reader, field); break;
                case TargetActivationField: _targetActivation = ReadLong(reader, field); break;
                case TargetSiloField: _targetSilo = ReadString(reader, field); break;
                case SenderTypeField: _senderType = ReadString(reader, field); break;
                case SenderKeyField: _senderKey = ReadString(reader, field); break;
                case SendingSiloField: _sendingSilo = ReadString(reader, field); break;
                case SendingClientField: _client = ReadString(reader, field); break;
                case BodyField: _body = Codecs.ReadAny(reader, field.WireType); break;
                case RequestContextField: _context = Codecs.Get<Dictionary<string, object?>>().ReadValue(reader, field.WireType); break;
                case CallChainField: _chain = ReadChain(reader, field); break;
                case ReentrancyField: _reentrancy = ReadLong(reader, field) != 0; break;
                case CancelledField: _cancelled = ReadLong(reader, field); break;
                case ForwardField: _forward = (int)ReadLong(reader, field); break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        public Message ToMessage()
        {
            if (_targetType is null || _targetKey is null) throw new WireFormatException("A message has no target.");
            if (_direction is < (int)MessageDirection.Request or > (int)MessageDirection.GoAway) throw new WireFormatException($"Unknown message direction {_direction}.");
            return new Message
            {
                Id = _id,
                Direction = (MessageDirection)_direction,
                Target = GrainId.Create(_targetType, _targetKey),
                TargetActivation = _targetActivation,
                TargetSilo = ParseSilo(_targetSilo),
                Sender = _senderType is null || _senderKey is null ? null : GrainId.Create(_senderType, _senderKey),
                SendingSilo = ParseSilo(_sendingSilo),
                SendingClient = _client,
                Body = _body,
                RequestContext = _context,
                CallChain = _chain,
                AllowCallChainReentrancy = _reentrancy,
                CancelledRequestId = _cancelled,
                ForwardCount = _forward,
            };
        }

        private static SiloAddress? ParseSilo(string? value)
        {
            if (value is null) return null;
            try
            {
                return SiloAddress.Parse(value);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                throw new WireFormatException($"'{value}' is not a silo address.", exception);
            }
        }

        private static long ReadLong(GranaryReader reader, Field field) =>
            field.WireType == WireType.VarInt ? reader.ReadVarInt64() : throw GranaryReader.Unexpected(field.WireType, WireType.VarInt);

        private static string ReadString(GranaryReader reader, Field field) =>
            field.WireType == WireType.LengthPrefixed ? reader.ReadString() : throw GranaryReader.Unexpected(field.WireType, WireType.LengthPrefixed);

        private static CallChainEntry[] ReadChain(GranaryReader reader, Field field)
        {
            if (field.WireType != WireType.StartObject) throw GranaryReader.Unexpected(field.WireType, WireType.StartObject);
            reader.EnterObject();
            var entries = new List<CallChainEntry>();
            string? type = null, key = null;
            long activation = 0;
            while (true)
            {
                var entryField = reader.ReadFieldHeader();
                if (entryField.IsEndObject) break;
                switch (entryField.Id)
                {
                    case 1: type = ReadString(reader, entryField); break;
                    case 2: key = ReadString(reader, entryField); break;
                    case 3: activation = ReadLong(reader, entryField); break;
                    case 4:
                        if (type is null || key is null) throw new WireFormatException("A call chain entry is incomplete.");
                        entries.Add(new CallChainEntry(GrainId.Create(type, key), activation, ReadLong(reader, entryField)));
                        break;
                    default: reader.SkipField(entryField.WireType); break;
                }
            }

            reader.ExitObject();
            return [.. entries];
        }
    }
}
