using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.TypeSystem;
using Orleans.Streaming.Kafka.Tests.Fixtures;
using Orleans.Streaming.Kafka.Tests.Grains;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Tests;

/// <summary>The header names with the host's own Orleans type converter, and batch containers that cross silos.</summary>
[Collection(SharedKafkaCollection.Name)]
public sealed class EventTypeNamesTests(SharedKafkaCluster kafka)
{
    private IServiceProvider Services => kafka.Client.ServiceProvider;

    [Fact]
    public void An_aliased_type_is_named_by_its_alias_and_resolved_from_it_and_from_its_old_clr_name()
    {
        var names = new EventTypeNames(Services.GetRequiredService<TypeConverter>());

        Assert.Equal(EventTypeHeaders.StampedEvent, names.NameOf(typeof(StampedEvent)));
        Assert.Equal(typeof(StampedEvent), names.Resolve(EventTypeHeaders.StampedEvent));
        Assert.Equal(typeof(StampedEvent), names.Resolve(EventTypeHeaders.StampedEventClrName));
        Assert.Null(names.Resolve("kafka-tests.RenamedAway"));
        Assert.Null(names.Resolve("not [a type"));
    }

    [Fact]
    public void A_type_without_an_alias_gets_the_name_orleans_gives_it()
    {
        var names = new EventTypeNames(Services.GetRequiredService<TypeConverter>());

        // Allowed because its assembly's name contains "Orleans" (Orleans' own type name filter).
        Assert.Equal("Orleans.Streaming.Kafka.Tests.Grains.EffectLog,Orleans.Streaming.Kafka.Tests", names.NameOf(typeof(EffectLog)));
        Assert.Equal(typeof(EffectLog), names.Resolve(names.NameOf(typeof(EffectLog))));
    }

    [Fact]
    public void A_type_orleans_will_not_name_keeps_its_clr_name()
    {
        var names = new EventTypeNames(Services.GetRequiredService<TypeConverter>());

        // Confluent's assembly is no Orleans application part: Orleans' converter refuses to name its types.
        Assert.Equal("Confluent.Kafka.TopicPartition, Confluent.Kafka", names.NameOf(typeof(TopicPartition)));
        Assert.Equal(typeof(TopicPartition), names.Resolve("Confluent.Kafka.TopicPartition, Confluent.Kafka"));
    }

    [Fact]
    public void A_container_deserialized_on_another_host_resolves_the_alias_with_that_hosts_names()
    {
        // No names of its own: only the deserializing host's can resolve the header.
        var sent = new KafkaBatchContainer(
            StreamId.Create(TestStreams.Orders, "k"), new KafkaSequenceToken(7), Encoding.UTF8.GetBytes("""{"value":"v","stamp":"s"}"""),
            EventTypeHeaders.StampedEvent, null, null, types: null!);
        var serializer = Services.GetRequiredService<Serializer>();

        var received = Assert.IsType<KafkaBatchContainer>(serializer.Deserialize<IBatchContainer>(serializer.SerializeToArray<IBatchContainer>(sent)));

        var item = Assert.Single(received.GetEvents<TestEvent>()).Item1;
        Assert.Equal(new StampedEvent("v", "s"), item);
    }

    [Fact]
    public void A_container_is_not_copied_within_a_host()
    {
        var batch = new KafkaBatchContainer(
            StreamId.Create(TestStreams.Orders, "k"), new KafkaSequenceToken(7), [], null, null, null, Services.GetRequiredService<EventTypeNames>());

        Assert.Same(batch, Services.GetRequiredService<DeepCopier>().Copy<IBatchContainer>(batch));
    }
}
