using System.Collections.Concurrent;
using Granary.Configuration;
using Granary.Lifecycle;
using Granary.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Membership;

/// <summary>
/// The membership protocol of one silo. At stage <see cref="ServiceLifecycleStage.Membership"/> it joins
/// (supersedes its endpoint's older generations, clears stale rows of a previous run, inserts itself as
/// Joining) and on stop writes itself Dead. <see cref="SiloActivation"/> marks it Active at stage BecomeActive,
/// and <see cref="SiloShutdownAnnouncer"/> ShuttingDown at stage Active, the first to stop. Meanwhile it writes
/// I-am-alive, re-reads the table periodically and on gossip, probes its ring successors, votes on suspects and
/// stops the process when it reads that it was declared dead.
/// Partials: Join, Refresh, Writes, Probing, Voting, Stale, Leave, Log.
/// </summary>
internal sealed partial class MembershipService : ISiloLifecycleParticipant, IMembershipService, IDisposable
{
    private readonly IMembershipTable _table;
    private readonly ClusterMembershipView _view;
    private readonly ILocalSiloDetails _localSilo;
    private readonly ISiloProber _prober;
    private readonly IMembershipGossip _gossip;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ClusterMembershipOptions _options;
    private readonly ILogger _logger;
    private readonly RecurringWork _refresh;
    private readonly RecurringWork _iAmAlive;
    private readonly RecurringWork _probe;
    private readonly RecurringWork _cleanup;
    private readonly ThreadPoolLag? _lag;
    private readonly ConcurrentDictionary<SiloAddress, byte> _watched = new();
    private readonly Lock _lock = new();
    private MembershipTableData? _latest;
    private SiloAddress? _self;
    private volatile SiloStatus _status;
    private volatile bool _leaving;
    private int _declaredDead;

    public MembershipService(
        IMembershipTable table,
        ClusterMembershipView view,
        ILocalSiloDetails localSilo,
        ISiloProber prober,
        IMembershipGossip gossip,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        IOptions<ClusterMembershipOptions> options,
        ILogger<MembershipService> logger)
    {
        _table = table;
        _view = view;
        _localSilo = localSilo;
        _prober = prober;
        _gossip = gossip;
        _lifetime = lifetime;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _refresh = new RecurringWork("refresh", RefreshWorkAsync, time, LogWorkFailed);
        _iAmAlive = new RecurringWork("i-am-alive", WriteIAmAliveAsync, time, LogWorkFailed);
        _probe = new RecurringWork("probe", ProbeRoundAsync, time, LogWorkFailed);
        _cleanup = new RecurringWork("cleanup", CleanupAsync, time, LogWorkFailed);
        // Lag is real time: a test's manual clock times probes in a time of its own, where it means nothing.
        if (_options.IgnoreMissesWhileLagging && ReferenceEquals(time, TimeProvider.System)) _lag = new ThreadPoolLag(2 * _options.ProbeTimeout);
    }

    public int Stage => ServiceLifecycleStage.Membership;

    /// <summary>This silo; known from the start of <see cref="OnStartAsync"/>.</summary>
    public SiloAddress Silo => _self ?? _localSilo.SiloAddress;

    /// <summary>The status this silo last wrote for itself (None before joining).</summary>
    public SiloStatus Status => _status;

    /// <summary>True once this silo read that the cluster declared it dead.</summary>
    public bool IsDeclaredDead => Volatile.Read(ref _declaredDead) == 1;

    private bool IsMember => (_status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown) && !IsDeclaredDead;

    private MembershipTableData? Latest
    {
        get
        {
            lock (_lock) return _latest;
        }
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => _refresh.RunSoon().WaitAsync(cancellationToken);

    public void OnConnectionFailed(SiloAddress silo)
    {
        if (_status != SiloStatus.Active || IsDeclaredDead || silo == _self) return;
        if (Latest?.Rows.FirstOrDefault(r => r.Entry.Silo == silo) is not { } row || !ProbeRing.IsMonitored(row.Entry.Status)) return;
        _watched.TryAdd(silo, 0);
        _ = _probe.RunSoon();
    }

    /// <summary>Completes when no membership activity is in progress (tests use it after moving a manual clock).</summary>
    internal Task WhenIdleAsync() => Task.WhenAll(_refresh.WhenIdle(), _iAmAlive.WhenIdle(), _probe.WhenIdle(), _cleanup.WhenIdle());

    public void Dispose()
    {
        _refresh.Dispose();
        _iAmAlive.Dispose();
        _probe.Dispose();
        _cleanup.Dispose();
        _lag?.Dispose();
    }
}
