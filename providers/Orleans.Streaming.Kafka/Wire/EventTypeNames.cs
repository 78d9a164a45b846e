using System.Collections.Concurrent;
using Orleans.Serialization.TypeSystem;

namespace Orleans.Streaming.Kafka.Wire;

/// <summary>
/// Maps .NET types to the event-type header and back with Orleans' own type names: a type's <c>[Alias]</c> when it
/// has one, so renaming or moving an event class does not strand the records already in Kafka. Records written
/// before the provider used aliases carry <c>Namespace.Type, Assembly</c>; those still resolve, so they rewind.
/// </summary>
internal sealed class EventTypeNames(TypeConverter converter)
{
    private readonly ConcurrentDictionary<Type, string> _names = new();
    private readonly ConcurrentDictionary<string, Type?> _types = new(StringComparer.Ordinal);

    public string NameOf(Type type) => _names.GetOrAdd(type, Format);

    /// <summary>The type a header names, or null when nothing here knows it (the subscriber's item type is used).</summary>
    public Type? Resolve(string? name) => string.IsNullOrEmpty(name) ? null : _types.GetOrAdd(name, Parse);

    private string Format(Type type)
    {
        try
        {
            return converter.Format(type);
        }
        catch (InvalidOperationException)
        {
            // Orleans names only types its serializer allows; an event that is only ever JSON keeps its CLR name.
            return ClrName(type);
        }
    }

    private Type? Parse(string name)
    {
        try
        {
            if (converter.TryParse(name, out var type)) return type;
        }
        catch (Exception)
        {
            // The header is foreign input: a name Orleans' parser rejects or its type filters refuse is not an alias,
            // and may still be the CLR name an earlier version of the provider wrote.
        }

        return Type.GetType(name, throwOnError: false);
    }

    private static string ClrName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
