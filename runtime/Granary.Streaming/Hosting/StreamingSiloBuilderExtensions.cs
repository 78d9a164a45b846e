using Granary.Catalog;
using Granary.Lifecycle;
using Granary.Membership;
using Granary.Storage;
using Granary.Streaming.Agents;
using Granary.Streaming.Balancing;
using Granary.Streaming.Configuration;
using Granary.Streaming.Consumers;
using Granary.Streaming.Diagnostics;
using Granary.Streaming.Memory;
using Granary.Streaming.Producers;
using Granary.Streaming.Providers;
using Granary.Streaming.PubSub;
using Granary.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Hosting;

/// <summary>Stream providers for a silo, as in Orleans: <c>silo.AddMemoryStreams("events")</c>.</summary>
public static class StreamingSiloBuilderExtensions
{
    /// <summary>
    /// Adds an in-memory stream provider named <paramref name="name"/>: partitions in process memory, retention
    /// for rewinds, dead letters kept in memory (<see cref="Streaming.MemoryStreams.GetDeadLetters"/>). When no grain
    /// storage named <c>PubSubStore</c> exists, explicit subscriptions are kept in a memory storage of that name.
    /// </summary>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder builder, string name, Action<MemoryStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemoryStreamOptions>, MemoryStreamOptionsValidator>());
        builder.AddPersistentStreams<MemoryStreamOptions>(
            name, (services, options) => new MemoryQueueAdapter(name, MemoryStore(services, name, options)), configure);
        return builder;
    }

    /// <summary>
    /// Adds a stream provider named <paramref name="name"/> over a queue adapter (how the Kafka provider plugs in).
    /// The runtime does pub-sub, delivery, retries, dead-lettering and commits; the adapter stores and reads events.
    /// When no grain storage named <c>PubSubStore</c> exists, explicit subscriptions are kept in a memory storage of that name.
    /// Options are bound from <c>Granary:Streams:{name}</c>, then <paramref name="configure"/> runs, then they are validated at start.
    /// </summary>
    public static ISiloBuilder AddPersistentStreams<TOptions>(
        this ISiloBuilder builder, string name, Func<IServiceProvider, TOptions, IQueueAdapter> createAdapter, Action<TOptions>? configure = null)
        where TOptions : StreamProviderOptions, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(createAdapter);
        var services = builder.Services;
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IStreamProvider) && Equals(d.ServiceKey, name)))
            throw new InvalidOperationException($"A stream provider named '{name}' is already configured.");
        AddStreamingRuntime(builder);
        var hasPubSubStorage = services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StreamPubSubGrain.StorageName));
        if (!hasPubSubStorage) builder.AddMemoryGrainStorage(StreamPubSubGrain.StorageName);

        var options = services.AddOptions<TOptions>(name).BindConfiguration(StreamProviderOptions.SectionName(name));
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, StreamProviderOptionsValidator<TOptions>>());

        services.AddKeyedSingleton<IQueueAdapter>(name, (sp, _) => createAdapter(sp, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)));
        services.AddKeyedSingleton(name, (sp, _) => new StreamProvider(
            name, sp.GetRequiredKeyedService<IQueueAdapter>(name), sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name),
            sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<ImplicitSubscriberTable>(),
            sp.GetRequiredService<StreamPayloadCodecs>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StreamInstruments>()));
        services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) => sp.GetRequiredKeyedService<StreamProvider>(name));
        // Unkeyed as well: GetStreamProvider in the abstractions looks providers up by name among these.
        services.AddSingleton<IStreamProvider>(sp => sp.GetRequiredKeyedService<StreamProvider>(name));
        services.AddKeyedSingleton(name, (sp, _) => new StreamAgentManager(
            sp.GetRequiredKeyedService<StreamProvider>(name), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<ILogger<StreamAgentManager>>(),
            sp.GetRequiredService<IStreamPartitionBalancer>() as IPartitionLocator));
        services.AddSingleton<ISiloLifecycleParticipant>(sp => new StreamAgentsLifecycle(
            name, sp.GetRequiredKeyedService<StreamAgentManager>(name), sp.GetRequiredKeyedService<IQueueAdapter>(name),
            sp.GetRequiredService<IStreamPartitionBalancer>()));
        return builder;
    }

    /// <summary>
    /// Replaces the default partition balancer (spread over the active silos when clustered, else all on this silo),
    /// resolved as <typeparamref name="TBalancer"/> (an instance registered as that type is used as is).
    /// </summary>
    public static ISiloBuilder UseStreamPartitionBalancer<TBalancer>(this ISiloBuilder builder) where TBalancer : class, IStreamPartitionBalancer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IStreamPartitionBalancer>();
        builder.Services.TryAddSingleton<TBalancer>();
        builder.Services.AddSingleton<IStreamPartitionBalancer>(sp => sp.GetRequiredService<TBalancer>());
        return builder;
    }

    // Silos of one test cluster share a broker, and so the queue; a silo on its own keeps its own.
    private static MemoryQueueStore MemoryStore(IServiceProvider services, string name, MemoryStreamOptions options)
    {
        var time = services.GetRequiredService<TimeProvider>();
        return services.GetService<MemoryStreamBroker>()?.GetStore(name, options, time) ?? new MemoryQueueStore(options, time);
    }

    private static void AddStreamingRuntime(ISiloBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ImplicitSubscriberTable))) return;
        services.TryAddSingleton<ImplicitSubscriberTable>();
        services.TryAddSingleton<StreamPayloadCodecs>();
        services.TryAddSingleton<StreamInstruments>();
        // A clustered silo shares partitions with the other active silos; a lone or embedded silo reads them all.
        services.TryAddSingleton<IStreamPartitionBalancer>(sp => sp.GetRequiredService<IClusterMembershipView>() is SingleSiloMembershipView
            ? new AllPartitionsBalancer()
            : ActivatorUtilities.CreateInstance<MembershipPartitionBalancer>(sp));
        builder.AddGrainAssembly(typeof(StreamPubSubGrain).Assembly);
        // Subscriptions rewinding a partition another silo reads reach that silo's agent through this target.
        services.AddSingleton<ISiloLifecycleParticipant, StreamRewindTarget>();
        // Deliveries to a grain that has not attached an observer (yet) reach a component that says so.
        if (!services.Any(d => d.IsKeyedService && d.ServiceType == typeof(GrainExtensionFactory) && Equals(d.ServiceKey, typeof(IStreamConsumerExtension))))
            builder.AddGrainExtension<IStreamConsumerExtension, StreamConsumerExtension>();
    }
}
