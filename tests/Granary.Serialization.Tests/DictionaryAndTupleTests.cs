using System.Collections.Immutable;

namespace Granary.Serialization.Tests;

public sealed class DictionaryAndTupleTests
{
    [Fact]
    public void Dictionaries_round_trip()
    {
        RoundTrip.Check<Dictionary<int, string?>?>(v => Same(v, RoundTrip.Of(v)));
        RoundTrip.Check<Dictionary<string, long>>(v => Same(v, RoundTrip.Of(v)));
        RoundTrip.Check<Dictionary<Guid, List<int>>>(v => v.Count == RoundTrip.Of(v).Count && v.All(e => RoundTrip.Of(v)[e.Key].SequenceEqual(e.Value)));
        Assert.Empty(RoundTrip.Of(new Dictionary<string, int>()));
    }

    [Fact]
    public void Interface_and_immutable_dictionaries_round_trip()
    {
        RoundTrip.Check<Dictionary<string, int>>(v =>
            Same(v, RoundTrip.Of<IDictionary<string, int>>(v)) && Same(v, RoundTrip.Of<IReadOnlyDictionary<string, int>>(v))
            && Same(v, RoundTrip.Of(v.ToImmutableDictionary())));
        var immutable = ImmutableDictionary<string, int>.Empty.Add("x", 1);
        Assert.IsType<Dictionary<string, int>>(RoundTrip.AsField<IReadOnlyDictionary<string, int>>(immutable));
        Assert.IsType<Dictionary<string, int>>(RoundTrip.AsField<IDictionary<string, int>>(new SortedDictionary<string, int> { ["k"] = 2 }));
        Assert.IsType<ImmutableDictionary<string, int>>(RoundTrip.Of<IReadOnlyDictionary<string, int>>(immutable));
        Assert.Null(RoundTrip.Of<IDictionary<string, int>?>(null));
    }

    [Fact]
    public void Pairs_and_tuples_round_trip()
    {
        RoundTrip.Check<KeyValuePair<string, int>>(v => RoundTrip.Of(v).Equals(v));
        RoundTrip.Check<(int, string?)>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<(long, bool, string?)>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<(byte, byte, byte, byte)>(v => RoundTrip.Of(v) == v);
        RoundTrip.Check<(int, byte, Guid, double)>(v => RoundTrip.Of(v).Equals(v));
        var nested = (1, (2, "three"), new List<(int, string)> { (4, "five") });
        var copy = RoundTrip.Of(nested);
        Assert.Equal(nested.Item2, copy.Item2);
        Assert.Equal(nested.Item3, copy.Item3);
    }

    private static bool Same<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>>? expected, IEnumerable<KeyValuePair<TKey, TValue>>? actual)
        where TKey : notnull
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        var actualMap = actual.ToDictionary();
        return expected.Count() == actualMap.Count && expected.All(e => actualMap.TryGetValue(e.Key, out var v) && EqualityComparer<TValue>.Default.Equals(v, e.Value));
    }
}
