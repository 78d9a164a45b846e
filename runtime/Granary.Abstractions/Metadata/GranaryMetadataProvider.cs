using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Metadata;

/// <summary>Points the runtime at the generated metadata of an assembly. Emitted by Granary.CodeGen.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GranaryMetadataProviderAttribute(Type providerType) : Attribute
{
    /// <summary>A type implementing <see cref="IGranaryMetadataProvider"/> with a public parameterless constructor.</summary>
    public Type ProviderType { get; } = providerType;
}

/// <summary>Registers what the code generator produced for one assembly.</summary>
public interface IGranaryMetadataProvider
{
    /// <summary>Adds codecs, proxies and grain classes.</summary>
    void Populate(GranaryMetadataBuilder builder);
}

/// <summary>Collects generated metadata into the process-wide registries.</summary>
public sealed class GranaryMetadataBuilder
{
    internal GranaryMetadataBuilder() { }

    /// <summary>Registers the codec of a serializable type (including generated invokables).</summary>
    public void AddCodec<T>(IFieldCodec<T> codec) => Codecs.Register(codec);

    /// <summary>Registers the proxy factory of a grain or observer interface.</summary>
    public void AddProxy<TInterface>(Func<GrainId, IGrainReferenceRuntime, TInterface> factory) where TInterface : class, IAddressable =>
        GranaryMetadata.RegisterProxy(typeof(TInterface), (id, runtime) => factory(id, runtime));

    /// <summary>Registers a grain implementation class.</summary>
    public void AddGrainClass(Type grainClass) => GranaryMetadata.RegisterGrainClass(grainClass);
}
