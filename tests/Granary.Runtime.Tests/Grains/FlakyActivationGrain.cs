namespace Granary.Runtime.Tests.Grains;

public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<string> Hello();
}

/// <summary>Fails its first activation, succeeds afterwards.</summary>
public sealed class FlakyActivationGrain(Probe probe) : Grain, IFlakyActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        probe.Increment($"flaky:{this.GetPrimaryKeyString()}") == 1
            ? throw new InvalidOperationException("first activation fails")
            : Task.CompletedTask;

    public Task<string> Hello() => Task.FromResult("hello");
}
