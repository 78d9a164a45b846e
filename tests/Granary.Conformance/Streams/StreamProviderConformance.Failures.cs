namespace Granary.Conformance.Streams;

public abstract partial class StreamProviderConformance
{
    [Fact]
    public async Task A_poison_event_goes_to_the_dead_letters_after_the_maximum_attempts_and_the_stream_moves_on()
    {
        var key = NewKey();
        await PublishAsync(ConformanceNamespaces.Poison, key, 1, -1, 2);
        Assert.Equal(Items(1, 2), await Probe.WaitForCount(key, 2));
        Assert.Equal(MaxDeliveryAttempts, Probe.Count($"poison:{key}:-1"));

        var letter = Assert.Single(await ReadDeadLettersAsync(Cluster.Services, ConformanceNamespaces.Provider), l => l.Consumer.Key == key);
        Assert.Equal(MaxDeliveryAttempts, letter.Attempts);
        Assert.Contains("poison item -1", letter.Error, StringComparison.Ordinal);
        Assert.Equal(key, letter.Record.Message.StreamId.Key);
        Assert.NotEmpty(letter.Record.Message.EventId);
        Assert.Contains("Int32", letter.Record.Message.EventType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_event_has_the_same_token_so_the_subscriber_applies_it_once()
    {
        var key = NewKey();
        await PublishAsync(ConformanceNamespaces.Dedup, key, 1, 2, 3);
        Assert.Equal(Items(1, 2, 3), await Probe.WaitForCount(key, 3));
        Assert.Equal(Items(1, 2, 2, 3), await Probe.WaitForCount("received:" + key, 4));
        Assert.Empty(await ReadDeadLettersAsync(Cluster.Services, ConformanceNamespaces.Provider));
    }
}
