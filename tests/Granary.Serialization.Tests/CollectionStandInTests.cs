using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Granary.Serialization.Tests;

/// <summary>
/// Collections whose runtime type the compiler or the framework chose, under a declared type of object (as a
/// grain call's result travels) or an interface: they arrive as the plain collection their interface promises.
/// </summary>
public sealed class CollectionStandInTests
{
    public CollectionStandInTests() => TestCodecs.EnsureRegistered();

    [Fact]
    public void A_collection_expression_returned_as_a_read_only_list_arrives_as_a_list()
    {
        List<string> source = ["a", "b", "c"];
        IReadOnlyList<string> spread = [.. source];
        Assert.StartsWith("<", spread.GetType().Name, StringComparison.Ordinal);

        var copy = Assert.IsType<List<string>>(Serializer.Deserialize<object>(Serializer.Serialize<object>(spread)));
        Assert.Equal(source, copy);
    }

    [Fact]
    public void Single_element_and_empty_collection_expressions_round_trip()
    {
        IReadOnlyList<int> one = [7];
        IReadOnlyCollection<int> none = [];
        Assert.Equal([7], Assert.IsType<List<int>>(RoundTrip.Of<object>(one)));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyCollection<int>>(RoundTrip.Of<object>(none)));
    }

    [Fact]
    public void Framework_collections_without_codecs_travel_as_the_collection_they_implement()
    {
        Assert.Equal([1, 2], Assert.IsType<List<int>>(RoundTrip.Of<object>(new ReadOnlyCollection<int>([1, 2]))));
        Assert.Equal([2, 4], Assert.IsType<List<int>>(RoundTrip.Of<object>(new[] { 1, 2 }.Select(x => x * 2))));

        var set = Assert.IsType<HashSet<string>>(RoundTrip.Of<object>(new[] { "x", "y" }.ToFrozenSet()));
        Assert.True(set.SetEquals(["x", "y"]));

        var map = Assert.IsType<Dictionary<string, int>>(RoundTrip.Of<object>(new Dictionary<string, int> { ["k"] = 3 }.AsReadOnly()));
        Assert.Equal(3, map["k"]);
    }

    [Fact]
    public void A_stand_in_under_an_interface_declared_member_reads_back_as_that_interface()
    {
        IReadOnlyList<int> spread = [.. Enumerable.Range(0, 3)];
        Assert.Equal([0, 1, 2], RoundTrip.AsField<IReadOnlyList<int>>(spread));
        Assert.Equal([0, 1, 2], RoundTrip.AsField<IEnumerable<int>>(spread));
    }

    [Fact]
    public void A_users_own_collection_without_a_codec_still_fails_naming_the_type()
    {
        var failure = Assert.Throws<SerializerNotFoundException>(() => Serializer.Serialize<object>(new UnmarkedBag { 1 }));
        Assert.Contains(nameof(UnmarkedBag), failure.Message, StringComparison.Ordinal);
    }

    private sealed class UnmarkedBag : List<int>;
}
