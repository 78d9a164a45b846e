using Granary.Reminders;

namespace Granary.Runtime.Tests.Reminders;

public sealed class RingReminderOwnershipTests
{
    private static readonly SiloAddress[] Silos =
    [
        new("127.0.0.1", 11111, 1), new("127.0.0.1", 11112, 2), new("127.0.0.1", 11113, 3),
    ];

    [Fact]
    public void Every_hash_has_exactly_one_owner_among_the_active_silos()
    {
        var ranges = Silos.ToDictionary(s => s, s => RingReminderOwnership.RangesOf(s, Silos));
        var random = new Random(3);
        var hashes = Enumerable.Range(0, 20_000).Select(_ => (uint)random.NextInt64(0, 1L << 32)).Concat([0u, uint.MaxValue]);
        foreach (var hash in hashes)
        {
            Assert.Equal(1, ranges.Count(r => r.Value.Any(range => range.Contains(hash))));
        }
    }

    [Fact]
    public void When_a_silo_dies_only_its_ranges_move()
    {
        var survivors = Silos[..2];
        var random = new Random(5);
        for (var i = 0; i < 5_000; i++)
        {
            var hash = (uint)random.NextInt64(0, 1L << 32);
            var before = Silos.Single(s => RingReminderOwnership.RangesOf(s, Silos).Any(r => r.Contains(hash)));
            var after = survivors.Single(s => RingReminderOwnership.RangesOf(s, survivors).Any(r => r.Contains(hash)));
            if (before != Silos[2]) Assert.Equal(before, after);
        }
    }
}
