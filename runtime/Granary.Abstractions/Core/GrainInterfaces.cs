namespace Granary;

/// <summary>Anything that can be addressed by a <see cref="Runtime.GrainId"/>: grains, grain references and observers.</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces. Use one of the keyed sub-interfaces.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain identified by a Guid key.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain identified by an integer key.</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain identified by a Guid and a string extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain;

/// <summary>A grain identified by an integer and a string extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain;

/// <summary>
/// A callback interface a client or a grain implements and hands to grains through
/// <see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>.
/// </summary>
public interface IGrainObserver : IAddressable;
