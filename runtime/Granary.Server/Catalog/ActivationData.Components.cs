using Granary.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Catalog;

/// <summary>Components attached to the activation, and the targets of grain extension calls.</summary>
internal sealed partial class ActivationData
{
    private readonly Dictionary<Type, object> _components = [];

    public TComponent? GetComponent<TComponent>() where TComponent : class
    {
        lock (_lock) return _components.GetValueOrDefault(typeof(TComponent)) as TComponent;
    }

    public void SetComponent<TComponent>(TComponent? component) where TComponent : class
    {
        lock (_lock)
        {
            if (component is null) _components.Remove(typeof(TComponent));
            else _components[typeof(TComponent)] = component;
        }
    }

    /// <summary>The object a request runs on: the grain, or the component serving an extension interface.</summary>
    private object ResolveTarget(Invokable request)
    {
        var grain = GrainInstance!;
        var interfaceType = request.InterfaceType;
        if (interfaceType.IsInstanceOfType(grain) || !typeof(IGrainExtension).IsAssignableFrom(interfaceType)) return grain;
        lock (_lock)
        {
            if (_components.TryGetValue(interfaceType, out var existing)) return existing;
        }

        var factory = _shared.Services.GetKeyedService<GrainExtensionFactory>(interfaceType)
            ?? throw new InvalidOperationException($"{GrainId} has no component for extension {interfaceType.Name}, and no factory for it is registered.");
        var created = factory.Create(_shared.Services, this);
        lock (_lock)
        {
            // Turns are serial, but a component may be attached from grain code in the meantime: keep the first.
            if (_components.TryGetValue(interfaceType, out var raced)) return raced;
            _components[interfaceType] = created;
        }

        return created;
    }
}
