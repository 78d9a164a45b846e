using System.Collections.Concurrent;
using Granary.Hosting;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Runtime.Tests;

public sealed class FilterTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var options = ClusterFixture.Options(_probe, silo: silo => silo
            .AddIncomingGrainCallFilter<RecordingIncomingFilter>()
            .AddOutgoingGrainCallFilter<StampingOutgoingFilter>());
        options.ConfigureServices += services => services.AddSingleton<CallLog>();
        _cluster = await TestCluster.StartAsync(options);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Silo_filters_and_the_grains_own_filter_wrap_the_call_in_order()
    {
        var grain = _cluster.GrainFactory.GetGrain<IFilteredGrain>("filtered");
        Assert.Equal("filtered+grain-filter+silo-filter", await grain.Name());
        var log = _cluster.Services.GetRequiredService<CallLog>();
        Assert.Contains("in:IFilteredGrain.Name:filtered/filtered", log.Entries);
        Assert.Contains("out:IFilteredGrain.Name", log.Entries);
    }

    [Fact]
    public async Task An_outgoing_filter_can_add_request_context_for_the_callee()
    {
        var grain = _cluster.GrainFactory.GetGrain<IContextGrain>("stamped");
        Assert.Equal("stamp-value", await grain.Read("stamp"));
        Assert.Null(RequestContext.Get("stamp"));
    }

    public sealed class CallLog
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public IReadOnlyCollection<string> Entries => _entries;

        public void Add(string entry) => _entries.Enqueue(entry);
    }

    private sealed class RecordingIncomingFilter(CallLog log) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            log.Add($"in:{context.InterfaceMethod.DeclaringType!.Name}.{context.MethodName}:{context.TargetId}");
            await context.Invoke();
            if (context.Result is string text && text.Contains("grain-filter", StringComparison.Ordinal)) context.Result = text + "+silo-filter";
        }
    }

    private sealed class StampingOutgoingFilter(CallLog log) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            log.Add($"out:{context.Request.InterfaceType.Name}.{context.MethodName}");
            return StampAsync(context);
        }

        private static async Task StampAsync(IOutgoingGrainCallContext context)
        {
            RequestContext.Set("stamp", "stamp-value");
            await context.Invoke();
        }
    }
}
