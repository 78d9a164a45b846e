using System.Collections.Immutable;
using Granary.Concurrency;
using Granary.Runtime;

namespace Granary.Serialization.Tests;

public sealed class CopierTests
{
    public CopierTests() => TestCodecs.EnsureRegistered();

    [Theory]
    [InlineData(typeof(int))]
    [InlineData(typeof(double))]
    [InlineData(typeof(string))]
    [InlineData(typeof(decimal))]
    [InlineData(typeof(Guid))]
    [InlineData(typeof(DateTime))]
    [InlineData(typeof(DateTimeOffset))]
    [InlineData(typeof(TimeSpan))]
    [InlineData(typeof(DateOnly))]
    [InlineData(typeof(TimeOnly))]
    [InlineData(typeof(Uri))]
    [InlineData(typeof(IntEnum))]
    [InlineData(typeof(FrozenPoint))]
    [InlineData(typeof(Immutable<List<int>>))]
    [InlineData(typeof(FakeProxy))]
    [InlineData(typeof(int?))]
    [InlineData(typeof(IntEnum?))]
    [InlineData(typeof((int, string)))]
    [InlineData(typeof(ImmutableArray<string>))]
    [InlineData(typeof(ImmutableDictionary<string, Guid>))]
    public void Immutable_types(Type type) => Assert.True(Copier.IsImmutable(type));

    [Theory]
    [InlineData(typeof(object))]
    [InlineData(typeof(int[]))]
    [InlineData(typeof(List<int>))]
    [InlineData(typeof(Dictionary<string, int>))]
    [InlineData(typeof(MutableBox))]
    [InlineData(typeof(MutableStruct))]
    [InlineData(typeof(MutableStruct?))]
    [InlineData(typeof(Exception))]
    [InlineData(typeof((int, List<int>)))]
    [InlineData(typeof(ImmutableList<List<int>>))]
    [InlineData(typeof(Dog))]
    public void Mutable_types(Type type) => Assert.False(Copier.IsImmutable(type));

    [Fact]
    public void Immutable_values_are_returned_as_they_are()
    {
        var text = new string('x', 10);
        Assert.Same(text, Copier.DeepCopy(text));
        var point = new FrozenPoint(1, 2);
        Assert.Same(point, Copier.DeepCopy(point));
        Assert.Same(point, Copier.DeepCopy<object>(point));
        var wrapped = new Immutable<List<int>>([1, 2]);
        Assert.Same(wrapped.Value, Copier.DeepCopy(wrapped).Value);
        var proxy = new FakeProxy(GrainId.Create("g", "k"), typeof(ISerializedGrain));
        Assert.Same(proxy, Copier.DeepCopy<ISerializedGrain>(proxy));
        Assert.Null(Copier.DeepCopy<List<int>?>(null));
        Assert.Null(Copier.DeepCopy((object?)null));
    }

    [Fact]
    public void Mutable_values_are_copied_deeply()
    {
        RoundTrip.Check<List<int[]>>(original =>
        {
            var copy = Copier.DeepCopy(original);
            return !ReferenceEquals(copy, original) && copy.Count == original.Count
                && copy.Zip(original).All(p => !ReferenceEquals(p.First, p.Second) && p.First.SequenceEqual(p.Second));
        });
        var map = new Dictionary<string, List<int>> { ["a"] = [1] };
        var mapCopy = Copier.DeepCopy(map);
        mapCopy["a"].Add(2);
        Assert.Equal([1], map["a"]);
    }

    [Fact]
    public void Values_declared_as_object_are_copied_with_their_type()
    {
        var dog = new Dog { Name = "Rex", Barks = 1 };
        var copy = Assert.IsType<Dog>(Copier.DeepCopy((object?)dog));
        Assert.NotSame(dog, copy);
        Assert.Equal("Rex", copy.Name);
        var animal = Copier.DeepCopy<Animal>(dog);
        Assert.IsType<Dog>(animal);
        Assert.NotSame(dog, animal);
    }

    [Fact]
    public void References_inside_copied_values_stay_the_same_instances()
    {
        var proxy = new FakeProxy(GrainId.Create("g", "k"), typeof(ISerializedGrain));
        var list = new List<ISerializedGrain> { proxy, proxy };
        var copy = Copier.DeepCopy(list);
        Assert.NotSame(list, copy);
        Assert.Same(proxy, copy[0]);
        Assert.Same(proxy, copy[1]);
        Assert.Same(proxy, Copier.DeepCopy(new List<object> { proxy })[0]);
    }

    [Fact]
    public void Copies_on_many_threads_do_not_interfere()
    {
        Parallel.For(0, 2000, i =>
        {
            var original = new List<string> { i.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('y', i % 300) };
            var copy = Copier.DeepCopy(original);
            Assert.Equal(original, copy);
            Assert.NotSame(original, copy);
        });
    }

    [Fact]
    public void A_large_copy_does_not_break_later_ones()
    {
        var large = Enumerable.Range(0, 100_000).ToList();
        Assert.Equal(large, Copier.DeepCopy(large));
        Assert.Equal([1], Copier.DeepCopy(new List<int> { 1 }));
    }
}
