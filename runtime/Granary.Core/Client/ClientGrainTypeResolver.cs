using Granary.Invocation;
using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Client;

/// <summary>A client holds no grain classes: which grain type implements an interface comes from the gateway's manifest.</summary>
internal sealed class ClientGrainTypeResolver : IGrainTypeResolver
{
    private volatile Dictionary<string, string> _manifest = [];

    public void Update(Dictionary<string, string>? manifest)
    {
        if (manifest is not null) _manifest = manifest;
    }

    public GrainType GetGrainType(Type interfaceType) =>
        _manifest.TryGetValue(TypeNames.GetName(interfaceType), out var grainType)
            ? new GrainType(grainType)
            : throw new InvalidOperationException(_manifest.Count == 0
                ? "The client is not connected to a gateway yet; start the host (or await IClusterClient connection) before creating grain references."
                : $"No grain class in the cluster implements {interfaceType.FullName} (or several do).");
}
