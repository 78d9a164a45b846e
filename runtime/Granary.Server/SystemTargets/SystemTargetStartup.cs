using Granary.GrainDirectory;
using Granary.Lifecycle;
using Granary.Placement;

namespace Granary.SystemTargets;

/// <summary>Registers the silo's system targets before anything can call them.</summary>
internal sealed class SystemTargetStartup(SystemTargetRegistry registry, DirectoryPartition directory, SiloLoadTable load, Networking.MembershipTransport membership, Catalog.MigrationTarget migration) : ISiloLifecycleParticipant
{
    public int Stage => ServiceLifecycleStage.RuntimeInitialize - 1;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        registry.Register(DistributedGrainDirectory.TargetType, directory);
        registry.Register(SiloLoadTable.TargetType, load);
        registry.Register(Catalog.MigrationTarget.TargetType, migration);
        registry.Register(Networking.MembershipTransport.TargetType, membership, Networking.MembershipTransport.AnswersOnReceipt);
        return Task.CompletedTask;
    }

    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
