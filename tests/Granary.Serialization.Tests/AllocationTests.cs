namespace Granary.Serialization.Tests;

/// <summary>The hot paths stay allocation-free where they can: codecs are cached, writers reused, type names not re-decoded.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Writing_into_a_reused_writer_allocates_nothing()
    {
        using var writer = new GranaryWriter(4096);
        var list = new List<int> { 1, 2, 3 };
        var map = new Dictionary<string, long> { ["a"] = 1 };
        var allocated = Measure(() =>
        {
            writer.Reset();
            Serializer.Serialize(writer, list);
            Serializer.Serialize(writer, map);
            Serializer.Serialize(writer, "text");
            Serializer.Serialize(writer, (1, 2.0, IntEnum.Big));
            Serializer.Serialize(writer, 12.5m);
        });
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Reading_a_typed_object_does_not_allocate_its_type_name()
    {
        var bytes = Serializer.Serialize<object>(IntEnum.Big);
        var reader = new GranaryReader(bytes);
        // What remains is the boxed result.
        var allocated = Measure(() =>
        {
            reader.Reset(bytes);
            _ = Serializer.Deserialize<object>(reader);
        });
        Assert.True(allocated <= 32, $"{allocated} bytes allocated");
    }

    private static long Measure(Action action)
    {
        for (var i = 0; i < 10; i++) action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) action();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }
}
