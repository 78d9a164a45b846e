using Granary.Invocation;
using Granary.Runtime;

namespace Granary.Serialization.Tests;

public interface ISerializedGrain : IGrainWithStringKey;

public interface IDerivedSerializedGrain : ISerializedGrain;

/// <summary>A stand-in for a generated proxy: serialization only needs the identity and the interface.</summary>
public sealed class FakeProxy(GrainId grainId, Type interfaceType) : GrainReference(grainId, NoRuntime.Instance), IDerivedSerializedGrain
{
    public override Type InterfaceType { get; } = interfaceType;
}

public sealed class FakeReferenceFactory : IGrainReferenceFactory
{
    public List<(GrainId GrainId, Type InterfaceType)> Created { get; } = [];

    public IAddressable CreateReference(GrainId grainId, Type interfaceType)
    {
        Created.Add((grainId, interfaceType));
        return new FakeProxy(grainId, interfaceType);
    }
}

internal sealed class NoRuntime : IGrainReferenceRuntime
{
    public static readonly NoRuntime Instance = new();

    public ValueTask<object?> InvokeAsync(GrainReference target, Invokable request) => throw new NotSupportedException();

    public void InvokeOneWay(GrainReference target, Invokable request) => throw new NotSupportedException();

    public IAsyncEnumerable<T> InvokeAsyncEnumerable<T>(GrainReference target, AsyncEnumerableInvokable<T> request) => throw new NotSupportedException();
}

public sealed class GrainReferenceTests
{
    private static readonly GrainId Id = GrainId.Create("serialized", "key/with+odd chars ü");

    [Fact]
    public void A_reference_travels_as_its_identity_and_interface()
    {
        var factory = new FakeReferenceFactory();
        var copy = RoundTrip.Of<ISerializedGrain>(new FakeProxy(Id, typeof(IDerivedSerializedGrain)), factory);
        Assert.Equal(Id, copy.GetGrainId());
        Assert.Equal((Id, typeof(IDerivedSerializedGrain)), Assert.Single(factory.Created));
    }

    [Fact]
    public void References_round_trip_under_object_in_collections_and_as_null()
    {
        var factory = new FakeReferenceFactory();
        var proxy = new FakeProxy(Id, typeof(ISerializedGrain));
        Assert.Equal(Id, Assert.IsType<FakeProxy>(RoundTrip.Of<object>(proxy, factory)).GrainId);
        var list = RoundTrip.Of(new List<ISerializedGrain?> { proxy, null }, factory);
        Assert.Equal(Id, list[0]!.GetGrainId());
        Assert.Null(list[1]);
        Assert.Null(RoundTrip.Of<ISerializedGrain?>(null));
    }

    [Fact]
    public void Generated_keys_round_trip()
    {
        RoundTrip.Check<string>(key =>
        {
            if (key is null) return true;
            var id = GrainId.Create("g", key);
            return RoundTrip.Of<ISerializedGrain>(new FakeProxy(id, typeof(ISerializedGrain)), new FakeReferenceFactory()).GetGrainId() == id;
        });
    }

    [Fact]
    public void Reading_a_reference_without_a_factory_is_a_clear_wire_format_error()
    {
        var bytes = Serializer.Serialize<ISerializedGrain>(new FakeProxy(Id, typeof(ISerializedGrain)));
        var failure = Assert.Throws<WireFormatException>(() => Serializer.Deserialize<ISerializedGrain>(bytes));
        Assert.Contains("reference factory", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_interface_name_falls_back_to_the_declared_interface()
    {
        using var writer = new GranaryWriter();
        writer.WriteStartObject(0);
        Codecs.Get<string>().WriteField(writer, 1, "serialized");
        Codecs.Get<string>().WriteField(writer, 2, "k");
        Codecs.Get<string>().WriteField(writer, 3, "Gone.IGrain, Gone");
        writer.WriteEndObject();
        var factory = new FakeReferenceFactory();
        Serializer.Deserialize<ISerializedGrain>(writer.ToArray(), factory);
        Assert.Equal(typeof(ISerializedGrain), Assert.Single(factory.Created).InterfaceType);
    }
}
