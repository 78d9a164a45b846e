using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Granary.Catalog;
using Granary.Runtime;
using Granary.Streams;

namespace Granary.Streaming.PubSub;

/// <summary>
/// Which grain types subscribe implicitly to which stream namespaces ([ImplicitStreamSubscription]), read
/// once from the silo's grain classes. Implicit subscriptions are never stored: they exist for every key.
/// </summary>
internal sealed class ImplicitSubscriberTable
{
    private readonly Dictionary<string, GrainType[]> _byNamespace;
    private readonly HashSet<(GrainType, string)> _pairs = [];

    public ImplicitSubscriberTable(GrainClassRegistry classes)
    {
        var byNamespace = new Dictionary<string, List<GrainType>>(StringComparer.Ordinal);
        foreach (var info in classes.Classes)
        {
            foreach (var attribute in info.ClassType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>())
            {
                if (!byNamespace.TryGetValue(attribute.Namespace, out var list)) byNamespace[attribute.Namespace] = list = [];
                list.Add(info.GrainType);
                _pairs.Add((info.GrainType, attribute.Namespace));
            }
        }

        _byNamespace = byNamespace.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The grain types subscribed to every stream of <paramref name="streamNamespace"/>.</summary>
    public IReadOnlyList<GrainType> SubscribersOf(string streamNamespace) => _byNamespace.GetValueOrDefault(streamNamespace) ?? [];

    /// <summary>True when <paramref name="grain"/> is the implicit subscriber of <paramref name="streamId"/> (same namespace attribute, same key).</summary>
    public bool IsImplicitSubscriber(GrainId grain, StreamId streamId) =>
        string.Equals(grain.Key, streamId.Key, StringComparison.Ordinal) && _pairs.Contains((grain.Type, streamId.Namespace));

    /// <summary>The implicit subscription's id: the same for a grain type and stream on every silo and after every restart.</summary>
    public static Guid SubscriptionId(string provider, GrainType grainType, StreamId streamId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{provider}\n{grainType.Value}\n{streamId}"), hash);
        return new Guid(hash[..16]);
    }
}
