using System.Reflection;
using Granary.Catalog;
using Granary.Membership;
using Granary.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Hosting;

/// <summary>Silo configuration, as in Orleans.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// A cluster whose membership table lives in this process: a fresh in-memory table and the membership protocol
    /// (options under <c>Granary:Membership</c>). For development and tests; silos of other processes cannot join it.
    /// </summary>
    public static ISiloBuilder UseLocalhostClustering(this ISiloBuilder builder) =>
        builder.UseInMemoryClustering(new InMemoryMembershipTable());

    /// <summary>Adds an in-memory grain storage under <paramref name="name"/> (default: the storage of [PersistentState] without a name).</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = GrainStorageNames.Default)
    {
        builder.Services.AddKeyedSingleton<IGrainStorage, MemoryGrainStorage>(name);
        return builder;
    }

    /// <summary>Adds an in-memory grain storage used by [PersistentState] without a storage name.</summary>
    public static ISiloBuilder AddMemoryGrainStorageAsDefault(this ISiloBuilder builder) => builder.AddMemoryGrainStorage(GrainStorageNames.Default);

    /// <summary>Adds a silo-wide filter of calls arriving at grains.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder) where TFilter : class, IIncomingGrainCallFilter
    {
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Adds a filter of calls leaving grains and the co-hosted client.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder) where TFilter : class, IOutgoingGrainCallFilter
    {
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Adds grain classes from an assembly the silo would not find on its own (one not loaded or referenced at start-up).</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        builder.Services.AddSingleton(new GrainAssembly(assembly));
        return builder;
    }

    /// <summary>
    /// Serves <typeparamref name="TExtension"/> on every activation that does not implement it: on the first call,
    /// <typeparamref name="TImplementation"/> is created with the activation's IGrainContext and the silo's services.
    /// </summary>
    public static ISiloBuilder AddGrainExtension<TExtension, TImplementation>(this ISiloBuilder builder)
        where TExtension : class, IGrainExtension
        where TImplementation : class, TExtension
    {
        builder.Services.AddKeyedSingleton<GrainExtensionFactory>(typeof(TExtension), new GrainExtensionFactory(
            typeof(TExtension), (services, context) => ActivatorUtilities.CreateInstance<TImplementation>(services, context)));
        return builder;
    }

    /// <summary>Configures an options class of the silo.</summary>
    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure) where TOptions : class
    {
        builder.Services.Configure(configure);
        return builder;
    }
}
