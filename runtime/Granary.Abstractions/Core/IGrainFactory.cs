namespace Granary;

/// <summary>Creates references to grains. References are cheap and never activate anything until called.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain with the given string key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain with the given Guid key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey;

    /// <summary>A reference to the grain with the given integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to the grain with the given compound Guid key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension) where TGrainInterface : IGrainWithGuidCompoundKey;

    /// <summary>A reference to the grain with the given compound integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension) where TGrainInterface : IGrainWithIntegerCompoundKey;

    /// <summary>A reference to the grain with the given identity.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Runtime.GrainId grainId) where TGrainInterface : IAddressable;

    /// <summary>
    /// Makes a local object callable through a grain reference, so grains can call back into it.
    /// The object is held weakly by nobody: keep it alive and call <see cref="DeleteObjectReference{TGrainObserverInterface}"/> when done.
    /// </summary>
    TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Stops routing calls to an object made callable by <see cref="CreateObjectReference{TGrainObserverInterface}"/>.</summary>
    void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj) where TGrainObserverInterface : IGrainObserver;
}

/// <summary>A client of the cluster: the grain factory an application (such as a REST API) uses.</summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>The services of the client, for providers such as streams.</summary>
    IServiceProvider ServiceProvider { get; }
}
