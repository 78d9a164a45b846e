using Granary.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Conformance.Streams.Grains;

public interface IPoisonSensitiveGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>Fails on every negative item (a poison event) and records the rest.</summary>
[ImplicitStreamSubscription(ConformanceNamespaces.Poison)]
public sealed class PoisonSensitiveGrain : Grain, IPoisonSensitiveGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var probe = ServiceProvider.GetRequiredService<StreamProbe>();
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(ConformanceNamespaces.Poison, key);
        return stream.SubscribeAsync((item, _) =>
        {
            if (item < 0)
            {
                probe.Increment($"poison:{key}:{item}");
                throw new InvalidOperationException($"poison item {item}");
            }

            probe.Record(key, item.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        }, cancellationToken: cancellationToken);
    }

    public Task Ping() => Task.CompletedTask;
}
