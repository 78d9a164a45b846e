using Granary.Runtime;
using Granary.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Conformance.Streams.Grains;

public interface IImplicitRecorderGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>Subscribes implicitly to its namespace's stream with its own key and records everything, with the token and trace parent.</summary>
[ImplicitStreamSubscription(ConformanceNamespaces.Implicit)]
public sealed class ImplicitRecorderGrain : Grain, IImplicitRecorderGrain
{
    private StreamProbe Probe => ServiceProvider.GetRequiredService<StreamProbe>();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        Probe.Increment("activations:" + key);
        var stream = this.GetStreamProvider(ConformanceNamespaces.Provider).GetStream<int>(ConformanceNamespaces.Implicit, key);
        await stream.SubscribeAsync(
            (item, token) =>
            {
                Probe.Record(key, item.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Probe.Record("tokens:" + key, token?.ToString() ?? "none");
                Probe.Record("traces:" + key, RequestContext.Get("traceparent") as string ?? "none");
                return Task.CompletedTask;
            },
            onError: error => { Probe.Record(key, "error:" + error.Message); return Task.CompletedTask; },
            onCompleted: () => { Probe.Record(key, "completed"); return Task.CompletedTask; },
            cancellationToken: cancellationToken);
    }

    public Task Ping() => Task.CompletedTask;
}
