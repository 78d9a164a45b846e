using Granary.Membership;
using Granary.Runtime;

namespace Granary.Conformance.Membership;

/// <summary>One silo of a <see cref="MembershipCluster"/>: its membership service, view, clock, lifetime and log.</summary>
internal sealed class MemberSilo
{
    private readonly MembershipCluster _cluster;
    private readonly List<ClusterMembershipSnapshot> _changes = [];

    public MemberSilo(MembershipCluster cluster, SiloAddress address, IMembershipTable table)
    {
        _cluster = cluster;
        Address = address;
        Clock = new PausableClock(cluster.Clock);
        View.Changed += snapshot =>
        {
            lock (_changes) _changes.Add(snapshot);
        };
        var endpoint = cluster.Network.For(address);
        Service = new MembershipService(
            table, View, new FixedSiloDetails(address), endpoint, endpoint, Lifetime, Clock, cluster.OptionsValue, Log);
        cluster.Network.Up(address, Service);
    }

    public SiloAddress Address { get; }

    public MembershipService Service { get; }

    public ClusterMembershipView View { get; } = new();

    public FakeLifetime Lifetime { get; } = new();

    public RecordingLogger<MembershipService> Log { get; } = new();

    public PausableClock Clock { get; }

    /// <summary>Every snapshot the view published, in order.</summary>
    public IReadOnlyList<ClusterMembershipSnapshot> Changes
    {
        get
        {
            lock (_changes) return [.. _changes];
        }
    }

    public SiloStatus StatusOf(MemberSilo other) => View.Current.GetStatus(other.Address);

    public Task JoinAsync() => Service.OnStartAsync(CancellationToken.None);

    public Task ActivateAsync() => new SiloActivation(Service).OnStartAsync(CancellationToken.None);

    /// <summary>The stop of a host: ShuttingDown at stage Active, then Dead at stage Membership.</summary>
    public async Task StopGracefullyAsync()
    {
        await new SiloShutdownAnnouncer(Service).OnStopAsync(CancellationToken.None);
        await Service.OnStopAsync(CancellationToken.None);
        _cluster.Network.Down(Address);
    }

    /// <summary>SIGKILL: it answers nothing and writes nothing from now on.</summary>
    public void Kill()
    {
        _cluster.Network.Down(Address);
        Service.Dispose();
    }

    /// <summary>SIGSTOP: it answers nothing and its timers stand still until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        _cluster.Network.Down(Address);
        Clock.Pause();
    }

    public void Resume()
    {
        _cluster.Network.Up(Address, Service);
        Clock.Resume();
    }

    private sealed class FixedSiloDetails(SiloAddress address) : ILocalSiloDetails
    {
        public SiloAddress SiloAddress => address;

        public string SiloName => "silo-" + address.Host;
    }
}
