using Granary.Catalog;
using Granary.Membership;
using Granary.Networking;
using Granary.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Granary.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>.</summary>
public sealed class TestSilo
{
    internal TestSilo(IHost host) => Host = host;

    /// <summary>The silo's host.</summary>
    public IHost Host { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The silo's co-hosted client.</summary>
    public IClusterClient Client => Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's address.</summary>
    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Activations currently on this silo.</summary>
    public int ActivationCount => Services.GetRequiredService<GrainCatalog>().Count;

    /// <summary>True when this silo holds an activation of <paramref name="grainId"/>.</summary>
    public bool HasActivation(GrainId grainId) => Services.GetRequiredService<GrainCatalog>().HasActivation(grainId);

    /// <summary>Active silos in this silo's current membership view.</summary>
    public int ActiveSiloCount => Services.GetRequiredService<IClusterMembershipView>().Current.ActiveSilos.Length;

    /// <inheritdoc />
    public override string ToString() => Address.ToString();

    internal async Task KillAsync()
    {
        // Drop every connection and stop listening, without the graceful leave; then tear the process's state down.
        await Services.GetRequiredService<SiloConnectionListener>().AbortAsync();
        Host.Dispose();
    }
}
