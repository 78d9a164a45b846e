using Granary.Serialization;
using Granary.Streams;

namespace Granary.Streaming.Tests;

/// <summary>Stream ids and tokens are kept in grain state and sent in grain calls, so they must serialize.</summary>
public sealed class SerializationTests
{
    [Fact]
    public void A_stream_id_round_trips()
    {
        var id = StreamId.Create("orders", Guid.NewGuid());
        Assert.Equal(id, Serializer.Deserialize<StreamId>(Serializer.Serialize(id)));
        Assert.True(Serializer.Deserialize<StreamId>(Serializer.Serialize(default(StreamId))).IsDefault);
    }

    [Fact]
    public void A_token_round_trips_as_itself_and_as_the_abstract_token()
    {
        var token = new EventSequenceToken(1234567890123, 7);
        Assert.Equal(token, Serializer.Deserialize<EventSequenceToken>(Serializer.Serialize(token)));
        StreamSequenceToken? asBase = token;
        var read = Serializer.Deserialize<StreamSequenceToken?>(Serializer.Serialize(asBase));
        Assert.IsType<EventSequenceToken>(read);
        Assert.Equal<StreamSequenceToken>(token, read!);
        Assert.Null(Serializer.Deserialize<StreamSequenceToken?>(Serializer.Serialize<StreamSequenceToken?>(null)));
    }
}
