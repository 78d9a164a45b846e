using System.Collections.Concurrent;
using Granary.Membership;
using Granary.Runtime;
using Granary.Streaming.Providers;
using Microsoft.Extensions.Logging;

namespace Granary.Streaming.Balancing;

/// <summary>
/// Spreads each provider's partitions over the active silos of the membership view with
/// <see cref="PartitionAssignment"/>, which every silo computes alike. On a view change this silo first
/// releases what it lost (its agents finish and commit the batch in hand) and then takes what it gained (their
/// agents resume from the committed position). A new owner may start before the old one committed; it then
/// delivers that batch again with the same tokens, which subscribers drop (at-least-once, never a lost position).
/// </summary>
internal sealed partial class MembershipPartitionBalancer : IStreamPartitionBalancer, IPartitionLocator, IDisposable
{
    private readonly ConcurrentDictionary<string, ProviderBalance> _providers = new();
    private readonly ILocalSiloDetails _localSilo;
    private readonly IClusterMembershipView _membership;
    private readonly ILogger<MembershipPartitionBalancer> _logger;

    public MembershipPartitionBalancer(ILocalSiloDetails localSilo, IClusterMembershipView membership, ILogger<MembershipPartitionBalancer> logger)
    {
        _localSilo = localSilo;
        _membership = membership;
        _logger = logger;
        membership.Changed += OnMembershipChanged;
    }

    /// <summary>The partitions this silo reads for <paramref name="providerName"/> (for tests and diagnostics).</summary>
    public IReadOnlyCollection<int> OwnedPartitions(string providerName) =>
        _providers.TryGetValue(providerName, out var balance) ? balance.Owned : [];

    public Task StartAsync(string providerName, int partitionCount, IPartitionOwner owner, CancellationToken cancellationToken)
    {
        var balance = new ProviderBalance(this, providerName, partitionCount, owner);
        if (!_providers.TryAdd(providerName, balance)) throw new InvalidOperationException($"Stream provider {providerName} is already balanced.");
        return balance.Apply(_membership.Current);
    }

    public Task StopAsync(string providerName, CancellationToken cancellationToken) =>
        _providers.TryRemove(providerName, out var balance) ? balance.StopAsync(cancellationToken) : Task.CompletedTask;

    public SiloAddress? OwnerOf(string provider, int partition)
    {
        if (!_providers.TryGetValue(provider, out var balance) || partition < 0 || partition >= balance.PartitionCount) return null;
        var owners = PartitionAssignment.Assign(provider, balance.PartitionCount, _membership.Current.ActiveSilos);
        return owners.Length == 0 ? null : owners[partition];
    }

    public void Dispose() => _membership.Changed -= OnMembershipChanged;

    // Raised under the view's lock: hand the snapshot over and return.
    private void OnMembershipChanged(ClusterMembershipSnapshot snapshot)
    {
        foreach (var balance in _providers.Values) _ = balance.Apply(snapshot);
    }

    private SiloAddress? LocalSilo
    {
        get
        {
            try
            {
                return _localSilo.SiloAddress;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
