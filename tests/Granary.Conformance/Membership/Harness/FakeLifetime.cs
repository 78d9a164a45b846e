using Granary.Runtime;
using Microsoft.Extensions.Hosting;

namespace Granary.Conformance.Membership;

/// <summary>A host lifetime that records a stop request instead of stopping anything.</summary>
internal sealed class FakeLifetime : IHostApplicationLifetime
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public bool StopRequested => _stopping.IsCancellationRequested;

    public void StopApplication() => _stopping.Cancel();
}
