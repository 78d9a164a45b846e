using Granary.Configuration;
using Granary.Diagnostics;
using Granary.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Granary.Catalog;

/// <summary>Services every activation uses, resolved once and shared, to keep activations small.</summary>
internal sealed class ActivationShared(
    IServiceProvider services,
    GrainActivator activator,
    TimeProvider timeProvider,
    GrainCallInstruments instruments,
    IEnumerable<IIncomingGrainCallFilter> incomingFilters,
    IOptions<MessagingOptions> messagingOptions,
    IOptions<GrainCollectionOptions> collectionOptions,
    ILogger<ActivationData> logger)
{
    private IMessageCenter? _messageCenter;
    private GrainCatalog? _catalog;
    private IGrainFactory? _grainFactory;
    private GrainDirectory.DistributedGrainDirectory? _directory;
    private Membership.ILocalSiloDetails? _localSilo;

    public IServiceProvider Services => services;

    public GrainActivator Activator => activator;

    public TimeProvider TimeProvider => timeProvider;

    public GrainCallInstruments Instruments => instruments;

    public IIncomingGrainCallFilter[] IncomingFilters { get; } = [.. incomingFilters];

    public MessagingOptions Messaging => messagingOptions.Value;

    public GrainCollectionOptions Collection => collectionOptions.Value;

    public ILogger<ActivationData> Logger => logger;

    // Resolved lazily: these depend, through the grain factory, on the catalog that creates activations.
    public IMessageCenter MessageCenter => _messageCenter ??= services.GetRequiredService<IMessageCenter>();

    public GrainCatalog Catalog => _catalog ??= services.GetRequiredService<GrainCatalog>();

    public IGrainFactory GrainFactory => _grainFactory ??= services.GetRequiredService<IGrainFactory>();

    public GrainDirectory.DistributedGrainDirectory Directory => _directory ??= services.GetRequiredService<GrainDirectory.DistributedGrainDirectory>();

    public Membership.ILocalSiloDetails LocalSilo => _localSilo ??= services.GetRequiredService<Membership.ILocalSiloDetails>();
}
