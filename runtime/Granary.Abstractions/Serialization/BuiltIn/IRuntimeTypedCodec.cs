namespace Granary.Serialization.BuiltIn;

/// <summary>
/// Marks codecs that already write any runtime type faithfully (exceptions, grain references, polymorphic
/// values), so the serializer need not wrap their values in a typed object.
/// </summary>
internal interface IRuntimeTypedCodec;
