using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Catalog;

/// <summary>
/// The named values a migrating activation hands to its successor on another silo. Each value is serialized on
/// entry, so what travels is plain bytes and a value without a codec fails on the old silo, where the move can
/// still fall back to a fresh activation.
/// </summary>
internal sealed class MigrationContext(GrainId grainId, Dictionary<string, byte[]> values, IGrainReferenceFactory? references)
    : IDehydrationContext, IRehydrationContext
{
    public MigrationContext(GrainId grainId) : this(grainId, new Dictionary<string, byte[]>(StringComparer.Ordinal), null) { }

    public GrainId GrainId => grainId;

    public IEnumerable<string> Keys => values.Keys;

    /// <summary>The serialized values, as sent to the target silo.</summary>
    public Dictionary<string, byte[]> Values => values;

    public bool TryAddValue<T>(string key, T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (values.ContainsKey(key)) return false;
        values[key] = Serializer.Serialize(value);
        return true;
    }

    public bool TryGetValue<T>(string key, out T? value)
    {
        if (values.TryGetValue(key, out var data))
        {
            value = Serializer.Deserialize<T>(data, references);
            return true;
        }

        value = default;
        return false;
    }
}
