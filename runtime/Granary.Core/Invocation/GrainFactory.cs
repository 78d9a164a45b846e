using System.Collections.Concurrent;
using Granary.Metadata;
using Granary.Observers;
using Granary.Runtime;

namespace Granary.Invocation;

/// <summary>Creates grain references (generated proxies) for grain and observer interfaces.</summary>
internal sealed class GrainFactory(
    IGrainTypeResolver grainTypes,
    GrainReferenceRuntime runtime,
    LocalObjectRegistry localObjects,
    IServiceProvider services) : IClusterClient, IGrainReferenceFactory
{
    private readonly ConcurrentDictionary<Type, Func<GrainId, IGrainReferenceRuntime, object>> _proxyFactories = new();

    public IServiceProvider ServiceProvider => services;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey =>
        Create<TGrainInterface>(primaryKey ?? throw new ArgumentNullException(nameof(primaryKey)));

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKeys.FromGuid(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKeys.FromLong(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension) where TGrainInterface : IGrainWithGuidCompoundKey =>
        Create<TGrainInterface>(GrainKeys.Compound(GrainKeys.FromGuid(primaryKey), keyExtension));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension) where TGrainInterface : IGrainWithIntegerCompoundKey =>
        Create<TGrainInterface>(GrainKeys.Compound(GrainKeys.FromLong(primaryKey), keyExtension));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable =>
        (TGrainInterface)CreateReference(grainId, typeof(TGrainInterface));

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj) where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is not TGrainObserverInterface) throw new ArgumentException($"{obj.GetType().Name} does not implement {typeof(TGrainObserverInterface).Name}.", nameof(obj));
        return (TGrainObserverInterface)CreateReference(localObjects.Register(obj), typeof(TGrainObserverInterface));
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj) where TGrainObserverInterface : IGrainObserver =>
        localObjects.Unregister(obj);

    public IAddressable CreateReference(GrainId grainId, Type interfaceType)
    {
        var factory = _proxyFactories.GetOrAdd(interfaceType, static type => GranaryMetadata.GetProxyFactory(type)
            ?? throw new InvalidOperationException(
                $"No proxy was generated for {type.FullName}. The project declaring it must set <UseGranaryCodeGen>true</UseGranaryCodeGen>."));
        return (IAddressable)factory(grainId, runtime);
    }

    private TGrainInterface Create<TGrainInterface>(string key) =>
        (TGrainInterface)CreateReference(new GrainId(grainTypes.GetGrainType(typeof(TGrainInterface)), key), typeof(TGrainInterface));
}
