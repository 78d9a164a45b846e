using Granary.Runtime;
using Granary.Streams;

namespace Granary.Streaming.Tests;

public sealed class StreamIdTests
{
    [Fact]
    public void Keys_take_the_canonical_grain_key_form_so_implicit_subscribers_share_them()
    {
        var guid = Guid.NewGuid();
        Assert.Equal(GrainKeys.FromGuid(guid), StreamId.Create("orders", guid).Key);
        Assert.Equal("42", StreamId.Create("orders", 42L).Key);
        Assert.Equal(StreamId.Create("orders", "a/b"), StreamId.Parse("orders/a/b"));
    }

    [Fact]
    public void Ids_are_equal_by_namespace_and_key()
    {
        Assert.Equal(StreamId.Create("a", "1"), StreamId.Create("a", "1"));
        Assert.NotEqual(StreamId.Create("a", "1"), StreamId.Create("b", "1"));
        Assert.True(default(StreamId).IsDefault);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has/slash")]
    public void A_namespace_must_be_non_empty_and_free_of_the_separator(string streamNamespace) =>
        Assert.Throws<ArgumentException>(() => StreamId.Create(streamNamespace, "key"));

    [Fact]
    public void Tokens_order_by_sequence_number_then_event_index()
    {
        var first = new EventSequenceToken(5, 1);
        var second = new EventSequenceToken(6);
        Assert.True(second.Newer(first));
        Assert.True(first.Older(second));
        Assert.True(first.Newer(null));
        Assert.False(first.Newer(new EventSequenceToken(5, 1)));
        Assert.Equal<StreamSequenceToken>(first, new EventSequenceToken(5, 1));
    }

    [Fact]
    public void A_token_converts_to_a_position_and_null_means_latest()
    {
        Assert.Equal(StreamPosition.Latest, (StreamPosition)(StreamSequenceToken?)null);
        var position = (StreamPosition)new EventSequenceToken(3);
        Assert.Equal(StreamPositionKind.Token, position.Kind);
        Assert.Equal(3, position.Token!.SequenceNumber);
    }
}
