using Granary.Configuration;
using Granary.Membership;
using Granary.Runtime;
using Granary.Testing;
using Microsoft.Extensions.Options;

namespace Granary.Conformance.Membership;

/// <summary>
/// Membership services of several silos over one membership table, one manual clock and a fake network; no host.
/// Time moves only in <see cref="AdvanceAsync"/>, in small steps, waiting for every silo's work after each, so
/// simulated durations hold whether the table answers at once (in memory) or over a network (PostgreSQL).
/// </summary>
internal sealed class MembershipCluster(IMembershipTable table) : IAsyncDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<MemberSilo> _silos = [];

    public ManualTimeProvider Clock { get; } = new();

    public IMembershipTable Table { get; } = table;

    public FakeNetwork Network { get; } = new();

    public ClusterMembershipOptions Options { get; } = new();

    /// <summary>Creates a silo whose endpoint answers probes, without joining yet.</summary>
    public MemberSilo CreateSilo(string host, int port = 11111, long generation = 1)
    {
        var silo = new MemberSilo(this, new SiloAddress(host, port, generation), Table);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Creates a silo and runs its start: Joining at stage Membership, Active at stage BecomeActive.</summary>
    public async Task<MemberSilo> StartSiloAsync(string host, int port = 11111, long generation = 1)
    {
        var silo = CreateSilo(host, port, generation);
        await silo.JoinAsync();
        await silo.ActivateAsync();
        await IdleAsync();
        return silo;
    }

    /// <summary>Adds a row as a silo of an earlier run left it.</summary>
    public async Task SeedRowAsync(SiloAddress silo, SiloStatus status, DateTimeOffset iAmAlive)
    {
        var read = await Table.ReadAllAsync(CancellationToken.None);
        var entry = new MembershipEntry { Silo = silo, Status = status, StartTime = iAmAlive, IAmAliveTime = iAmAlive };
        Assert.True(await Table.InsertRowAsync(entry, read.Version.Next(), CancellationToken.None));
    }

    public async Task<MembershipEntry> RowAsync(SiloAddress silo) =>
        (await Table.ReadAllAsync(CancellationToken.None)).Rows.Single(r => r.Entry.Silo == silo).Entry;

    public async Task AdvanceAsync(TimeSpan duration)
    {
        for (var moved = TimeSpan.Zero; moved < duration; moved += Step)
        {
            Clock.Advance(Step);
            await IdleAsync();
        }
    }

    /// <summary>Moves the clock until <paramref name="condition"/> holds; returns how much simulated time that took.</summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition, TimeSpan limit, string description)
    {
        var moved = TimeSpan.Zero;
        while (!condition())
        {
            if (moved >= limit) Assert.Fail($"After {limit} of simulated time, still not {description}.");
            Clock.Advance(Step);
            moved += Step;
            await IdleAsync();
        }

        return moved;
    }

    /// <summary>Waits until no silo has membership work in progress; work may start more work on other silos (gossip).</summary>
    public async Task IdleAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var pending = _silos.Select(s => s.Service.WhenIdleAsync()).Where(t => !t.IsCompleted).ToArray();
            if (pending.Length == 0) return;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) Assert.Fail($"Membership work still running after {Patience}.");
            await Task.WhenAll(pending).WaitAsync(left);
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var silo in _silos) silo.Service.Dispose();
        return ValueTask.CompletedTask;
    }

    internal IOptions<ClusterMembershipOptions> OptionsValue => Microsoft.Extensions.Options.Options.Create(Options);
}
