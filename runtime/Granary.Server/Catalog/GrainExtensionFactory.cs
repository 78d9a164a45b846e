using Granary.Runtime;

namespace Granary.Catalog;

/// <summary>Creates the component serving a grain extension interface on an activation that has none yet.</summary>
internal sealed class GrainExtensionFactory(Type extensionInterface, Func<IServiceProvider, IGrainContext, object> create)
{
    public Type ExtensionInterface { get; } = extensionInterface;

    public object Create(IServiceProvider services, IGrainContext context) => create(services, context);
}
