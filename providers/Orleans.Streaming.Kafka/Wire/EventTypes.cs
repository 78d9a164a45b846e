using System.Collections.Concurrent;
using System.Text.Json;

namespace Orleans.Streaming.Kafka.Wire;

/// <summary>The JSON settings of the wire format and the mapping between .NET types and the event-type header.</summary>
internal static class EventTypes
{
    private static readonly ConcurrentDictionary<string, Type?> Resolved = new(StringComparer.Ordinal);

    /// <summary>camelCase web defaults: what JavaScript, Java and kcat users expect to read and write.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? Resolve(string? name) =>
        string.IsNullOrEmpty(name) ? null : Resolved.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false));
}
