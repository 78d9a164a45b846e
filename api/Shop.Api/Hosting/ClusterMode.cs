namespace Shop.Api.Hosting;

/// <summary>How the API reaches the shop's grains. Set with <c>Shop:Cluster:Mode</c>.</summary>
public enum ClusterMode
{
    /// <summary>A silo runs inside the API process (the development default): no other service needed.</summary>
    Embedded,

    /// <summary>The API is a client of a separate silo cluster (silo/Shop.Silo), reached through its gateways.</summary>
    External,
}
