namespace Granary.Lifecycle;

/// <summary>Stages of a silo's start (ascending) and stop (descending).</summary>
public static class ServiceLifecycleStage
{
    /// <summary>Runtime infrastructure comes up.</summary>
    public const int RuntimeInitialize = 2000;

    /// <summary>Runtime services (scheduler, collector) start.</summary>
    public const int RuntimeServices = 4000;

    /// <summary>Storage providers initialize (schemas, connections).</summary>
    public const int RuntimeStorage = 6000;

    /// <summary>Cluster membership joins.</summary>
    public const int Membership = 8000;

    /// <summary>The grain directory is ready.</summary>
    public const int Directory = 9000;

    /// <summary>Application services start.</summary>
    public const int ApplicationServices = 10000;

    /// <summary>The silo starts accepting grain calls (catalog, gateway).</summary>
    public const int BecomeActive = 19999;

    /// <summary>The silo is active.</summary>
    public const int Active = 20000;
}

/// <summary>A piece of the silo that starts and stops at a stage.</summary>
public interface ISiloLifecycleParticipant
{
    /// <summary>The stage to start at (and stop at, in reverse order).</summary>
    int Stage { get; }

    /// <summary>A short name for logs.</summary>
    string Name => GetType().Name;

    /// <summary>Starts the participant.</summary>
    Task OnStartAsync(CancellationToken cancellationToken);

    /// <summary>Stops the participant.</summary>
    Task OnStopAsync(CancellationToken cancellationToken);
}
