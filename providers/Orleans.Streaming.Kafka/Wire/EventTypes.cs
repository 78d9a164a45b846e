using System.Text.Json;

namespace Orleans.Streaming.Kafka.Wire;

/// <summary>The JSON settings of the wire format.</summary>
internal static class EventTypes
{
    /// <summary>camelCase web defaults: what JavaScript, Java and kcat users expect to read and write.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
