using System.Collections.Concurrent;

namespace Granary.Serialization;

/// <summary>
/// Remembers which runtime types have a codec, so deciding whether a value can be written under its own
/// type name costs a dictionary read instead of a failed codec search per call.
/// </summary>
internal static class RuntimeTypeCodecs
{
    private static readonly ConcurrentDictionary<Type, bool> Known = new();

    public static bool Exists(Type type) => Known.TryGetValue(type, out var exists) ? exists : Known.GetOrAdd(type, Probe(type));

    private static bool Probe(Type type)
    {
        try
        {
            Codecs.Get(type);
            return true;
        }
        catch (SerializerNotFoundException)
        {
            return false;
        }
    }
}
