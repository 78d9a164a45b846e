using System.Collections.Immutable;

namespace Granary.Serialization.Tests;

public sealed class CollectionRoundTripTests
{
    [Fact]
    public void Arrays_and_lists_round_trip()
    {
        RoundTrip.Check<int[]?>(v => Same(v, RoundTrip.Of(v)));
        RoundTrip.Check<string?[]?>(v => Same(v, RoundTrip.Of(v)));
        RoundTrip.Check<List<long>?>(v => Same(v, RoundTrip.Of(v)));
        RoundTrip.Check<List<string?>?>(v => Same(v, RoundTrip.Of(v)));
        RoundTrip.Check<List<double>>(v => Same(v, RoundTrip.Of(v)));
        Assert.Empty(RoundTrip.Of(Array.Empty<int>()));
        Assert.Empty(RoundTrip.Of(new List<string>()));
    }

    [Fact]
    public void Interface_declared_collections_read_back_as_lists_and_sets()
    {
        RoundTrip.Check<int[]>(v =>
            Same(v, RoundTrip.Of<IList<int>>(v)) && Same(v, RoundTrip.Of<IReadOnlyList<int>>(v))
            && Same(v, RoundTrip.Of<ICollection<int>>(v)) && Same(v, RoundTrip.Of<IReadOnlyCollection<int>>(v))
            && Same(v, RoundTrip.Of<IEnumerable<int>>(v)));
        RoundTrip.Check<string[]>(v => v.ToHashSet().SetEquals(RoundTrip.Of<ISet<string>>(v.ToHashSet())) && v.ToHashSet().SetEquals(RoundTrip.Of<IReadOnlySet<string>>(v.ToHashSet())));
        Assert.IsType<List<int>>(RoundTrip.Of<IEnumerable<int>>(Enumerable.Range(0, 10).Select(i => i * 2)));
        Assert.IsType<List<int>>(RoundTrip.AsField<IReadOnlyCollection<int>>(ImmutableArray.Create(1, 2)));
        Assert.IsType<HashSet<int>>(RoundTrip.AsField<IReadOnlySet<int>>(ImmutableHashSet.Create(1, 2)));
        Assert.IsType<HashSet<int>>(RoundTrip.AsField<ISet<int>>(new SortedSet<int> { 3, 1 }));
        Assert.Equal([0, 2, 4], RoundTrip.Of<IEnumerable<int>>(Enumerable.Range(0, 3).Select(i => i * 2)));
        Assert.Null(RoundTrip.Of<IReadOnlyList<int>?>(null));
    }

    [Fact]
    public void Top_level_values_keep_their_runtime_type_when_it_has_a_codec()
    {
        Assert.IsType<int[]>(RoundTrip.Of<IEnumerable<int>>(new[] { 1, 2 }));
        Assert.IsType<ImmutableList<int>>(RoundTrip.Of<IReadOnlyList<int>>(ImmutableList.Create(1, 2)));
        Assert.IsType<List<int>>(RoundTrip.AsField<IReadOnlyList<int>>(ImmutableList.Create(1, 2)));
    }

    [Fact]
    public void Sets_round_trip()
    {
        RoundTrip.Check<int[]>(v => v.ToHashSet().SetEquals(RoundTrip.Of(v.ToHashSet())));
        RoundTrip.Check<string?[]>(v => v.ToHashSet().SetEquals(RoundTrip.Of(v.ToHashSet())));
        Assert.Null(RoundTrip.Of<HashSet<int>?>(null));
    }

    [Fact]
    public void Immutable_collections_round_trip()
    {
        RoundTrip.Check<int[]>(v => Same(v, RoundTrip.Of(ImmutableArray.Create(v)).ToArray()));
        RoundTrip.Check<string[]>(v => Same(v, RoundTrip.Of(ImmutableList.Create(v))));
        RoundTrip.Check<int[]>(v => ImmutableHashSet.Create(v).SetEquals(RoundTrip.Of(ImmutableHashSet.Create(v))));
        Assert.True(RoundTrip.Of(default(ImmutableArray<int>)).IsDefault);
        Assert.True(RoundTrip.Of(ImmutableArray<int>.Empty) is { IsDefault: false, Length: 0 });
        Assert.Null(RoundTrip.Of<ImmutableList<int>?>(null));
    }

    [Fact]
    public void Nested_collections_round_trip()
    {
        RoundTrip.Check<List<int[]>>(v => v.Count == RoundTrip.Of(v).Count && v.Zip(RoundTrip.Of(v)).All(p => Same(p.First, p.Second)));
        RoundTrip.Check<List<List<string>>>(v => v.Zip(RoundTrip.Of(v)).All(p => Same(p.First, p.Second)));
        var deep = new Dictionary<string, List<HashSet<int>?>> { ["a"] = [[1, 2], null, []], ["b"] = [] };
        var copy = RoundTrip.Of(deep);
        Assert.Equal(2, copy.Count);
        Assert.True(copy["a"][0]!.SetEquals([1, 2]));
        Assert.Null(copy["a"][1]);
        Assert.Empty(copy["a"][2]!);
        Assert.Empty(copy["b"]);
        int[][] jagged = [[1], [], [2, 3]];
        Assert.Equal(jagged, RoundTrip.Of(jagged));
    }

    [Fact]
    public void Nullable_elements_and_enums_in_collections_round_trip()
    {
        RoundTrip.Check<int?[]>(v => Same(v, RoundTrip.Of(v)));
        List<Permissions> flags = [Permissions.None, Permissions.Read | Permissions.Write];
        Assert.Equal(flags, RoundTrip.Of(flags));
    }

    private static bool Same<T>(IEnumerable<T>? expected, IEnumerable<T>? actual) =>
        expected is null ? actual is null : actual is not null && expected.SequenceEqual(actual);
}
