namespace Shop.Cluster.Testing;

/// <summary>A silo process and the endpoint it advertises.</summary>
public sealed record SiloHandle(HostProcess Process, string Address, int SiloPort, int GatewayPort)
{
    /// <summary>The line <c>SiloStartupReport</c> writes once the silo is Active.</summary>
    public const string ActiveLine = "Silo active in cluster";
}
