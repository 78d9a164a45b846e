using Granary.Runtime;

namespace Granary.Serialization.BuiltIn;

/// <summary>
/// Grain references travel as their identity and interface: an object {1: grain type, 2: key,
/// 3: interface wire name}. The receiving side's <see cref="IGrainReferenceFactory"/> binds them to its runtime.
/// </summary>
internal sealed class GrainReferenceCodec<T> : FieldCodec<T>, IRuntimeTypedCodec where T : class, IAddressable
{
    public override void WriteField(GranaryWriter writer, uint fieldId, T value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        var (grainId, interfaceType) = Describe(value);
        writer.WriteStartObject(fieldId);
        writer.WriteFieldHeader(1, WireType.LengthPrefixed);
        writer.WriteString(grainId.Type.Value);
        writer.WriteFieldHeader(2, WireType.LengthPrefixed);
        writer.WriteString(grainId.Key);
        writer.WriteFieldHeader(3, WireType.LengthPrefixed);
        writer.WriteString(TypeNames.GetName(interfaceType));
        writer.WriteEndObject();
        writer.CopiedReferences?.Add(value);
    }

    public override T ReadValue(GranaryReader reader, WireType wireType)
    {
        if (wireType == WireType.Null) return null!;
        WireGuard.Expect(wireType, WireType.StartObject);
        reader.EnterObject();
        string? grainType = null, key = null, interfaceName = null;
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) break;
            switch (field.Id)
            {
                case 1: grainType = WireGuard.ReadString(reader, field.WireType); break;
                case 2: key = WireGuard.ReadString(reader, field.WireType); break;
                case 3: interfaceName = WireGuard.ReadString(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }

        reader.ExitObject();
        if (grainType is null || key is null) throw new WireFormatException("A grain reference lacks its grain type or key.");
        var factory = reader.ReferenceFactory
            ?? throw new WireFormatException($"A grain reference ({grainType}/{key}) was read without a reference factory; pass an IGrainReferenceFactory to the reader.");
        var reference = factory.CreateReference(GrainId.Create(grainType, key), ResolveInterface(interfaceName));
        return reference as T
            ?? throw new WireFormatException($"The reference factory returned a {reference.GetType().Name}, which is not a {typeof(T).Name}.");
    }

    private static (GrainId GrainId, Type InterfaceType) Describe(T value) => value switch
    {
        GrainReference reference => (reference.GrainId, reference.InterfaceType),
        // A grain passing itself: its identity is known, its interface is the declared one.
        IGrainBase grain when typeof(T).IsInterface => (grain.GrainContext.GrainId, typeof(T)),
        _ => throw new SerializerNotFoundException(
            $"A {value.GetType().Name} is not a grain reference and cannot be sent as {typeof(T).Name}; send a reference from the grain factory instead."),
    };

    /// <summary>The most specific interface known to this process: the wire's when it resolves and fits, else the declared one.</summary>
    private static Type ResolveInterface(string? interfaceName)
    {
        var resolved = interfaceName is null ? null : TypeNames.Resolve(interfaceName);
        if (resolved is { IsInterface: true } && typeof(IAddressable).IsAssignableFrom(resolved)
            && (typeof(T).IsAssignableFrom(resolved) || !typeof(T).IsInterface))
        {
            return resolved;
        }

        return typeof(T).IsInterface
            ? typeof(T)
            : throw new WireFormatException($"The grain interface '{interfaceName}' of a reference is not known to this process.");
    }
}
