using Granary.Membership;
using Granary.Streaming.Providers;

namespace Granary.Streaming.Balancing;

internal sealed partial class MembershipPartitionBalancer
{
    /// <summary>
    /// One provider's ownership on this silo. Views are applied one at a time, newest wins: a view that arrives
    /// while one is being applied waits, and is replaced by any newer one before its turn comes.
    /// </summary>
    private sealed class ProviderBalance(MembershipPartitionBalancer balancer, string provider, int partitionCount, IPartitionOwner owner)
    {
        private readonly Lock _lock = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly HashSet<int> _owned = [];
        private ClusterMembershipSnapshot? _next;
        private Task _applying = Task.CompletedTask;
        private bool _draining;
        private bool _stopped;

        public int PartitionCount => partitionCount;

        public IReadOnlyCollection<int> Owned
        {
            get { lock (_lock) return [.. _owned.Order()]; }
        }

        /// <summary>Queues <paramref name="snapshot"/>; the task completes once it (or a newer view) was applied.</summary>
        public Task Apply(ClusterMembershipSnapshot snapshot)
        {
            lock (_lock)
            {
                if (_stopped) return Task.CompletedTask;
                if (_next is null || snapshot.Version >= _next.Version) _next = snapshot;
                if (!_draining)
                {
                    _draining = true;
                    _applying = Task.Run(DrainAsync);
                }

                return _applying;
            }
        }

        /// <summary>Applies no more views; waits for the one in hand. The agents are stopped by their owner.</summary>
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            Task applying;
            lock (_lock)
            {
                _stopped = true;
                _next = null;
                applying = _applying;
            }

            await using (cancellationToken.Register(_stopping.Cancel))
            {
                try
                {
                    await applying;
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    // Stopped mid-release: the agents' owner stops them next, still committing what it can.
                }
            }
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                ClusterMembershipSnapshot? snapshot;
                lock (_lock)
                {
                    snapshot = _next;
                    _next = null;
                    if (snapshot is null || _stopped)
                    {
                        _draining = false;
                        return;
                    }
                }

                await ApplyAsync(snapshot);
            }
        }

        private async Task ApplyAsync(ClusterMembershipSnapshot snapshot)
        {
            var me = balancer.LocalSilo;
            var active = snapshot.ActiveSilos;
            // A silo not (yet, or no longer) active reads nothing; the active ones cover every partition.
            HashSet<int> wanted = me is null ? [] : [.. PartitionAssignment.PartitionsOf(me, provider, partitionCount, active)];
            HashSet<int> owned;
            lock (_lock) owned = [.. _owned];
            var lost = owned.Where(p => !wanted.Contains(p)).Order().ToArray();
            var gained = wanted.Where(p => !owned.Contains(p)).Order().ToArray();
            if (lost.Length == 0 && gained.Length == 0) return;
            balancer.LogRebalancing(provider, snapshot.Version, active.Length, string.Join(",", lost), string.Join(",", gained));
            try
            {
                // Release first and wait: the batch in hand is delivered and committed before anything else moves here.
                if (lost.Length > 0) await owner.ReleaseAsync(lost, _stopping.Token);
                lock (_lock) _owned.ExceptWith(lost);
                if (gained.Length > 0) await owner.AcquireAsync(gained, _stopping.Token);
                lock (_lock) _owned.UnionWith(gained);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                // Left as it is; the next view change computes the difference again from what is really owned.
                balancer.LogRebalanceFailed(exception, provider, snapshot.Version);
            }
        }
    }
}
