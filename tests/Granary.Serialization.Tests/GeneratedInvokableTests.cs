using Granary.Concurrency;
using Granary.Generated.Granary_Serialization_Tests;
using Granary.Invocation;
using Granary.Runtime;

namespace Granary.Serialization.Tests.Generated;

public interface ICalculatorGrain : IGrainWithStringKey
{
    Task<int> Add(int left, int right);

    [OneWay]
    Task Fire(string message);

    [ReadOnly]
    ValueTask<PostalAddress?> Locate(Guid key, CancellationToken cancellationToken);

    IAsyncEnumerable<int> CountTo(int limit);
}

public interface IScientificCalculatorGrain : ICalculatorGrain
{
    Task<double> Sqrt(Customer customer);
}

/// <summary>The generated invokables and proxies carry calls without reflection and survive the wire.</summary>
public sealed class GeneratedInvokableTests
{
    [Fact]
    public async Task InvokableCallsTheMethodAndBoxesTheResult()
    {
        var request = new Invokable_ICalculatorGrain_Add_0 { arg0 = 2, arg1 = 3 };

        var result = await request.InvokeAsync(new Calculator());

        Assert.Equal(5, result);
        Assert.Equal("Add", request.MethodName);
        Assert.Equal(typeof(ICalculatorGrain), request.InterfaceType);
        Assert.Equal(2, request.ArgumentCount);
        Assert.True(request.ArgumentsAreImmutable);
        Assert.False(request.IsCancellable);
        Assert.Equal(request.Method, typeof(ICalculatorGrain).GetMethod(nameof(ICalculatorGrain.Add)));
    }

    [Fact]
    public void InvokableArgumentsAreReadableAndReplaceable()
    {
        var request = new Invokable_ICalculatorGrain_Add_0 { arg0 = 2, arg1 = 3 };

        request.SetArgument(1, 10);

        Assert.Equal(2, request.GetArgument(0));
        Assert.Equal(10, request.GetArgument(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => request.GetArgument(2));
    }

    [Fact]
    public void OptionsComeFromTheMethodAttributes()
    {
        Assert.Equal(InvokeMethodOptions.OneWay, new Invokable_ICalculatorGrain_Fire_1().Options);
        Assert.Equal(InvokeMethodOptions.ReadOnly, new Invokable_ICalculatorGrain_Locate_2().Options);
        Assert.True(new Invokable_ICalculatorGrain_Locate_2().IsCancellable);
        Assert.False(new Invokable_IScientificCalculatorGrain_Sqrt_0().ArgumentsAreImmutable);
    }

    [Fact]
    public void InvokableRoundTripsAsATypedMessage()
    {
        Invokable request = new Invokable_ICalculatorGrain_Locate_2 { arg0 = Guid.NewGuid() };

        var copy = Assert.IsType<Invokable_ICalculatorGrain_Locate_2>(GeneratedWire.RoundTrip(request));

        Assert.Equal(request.GetArgument(0), copy.GetArgument(0));
    }

    [Fact]
    public async Task ProxySendsInvokablesThroughTheRuntime()
    {
        var runtime = new LoopbackRuntime(new Calculator());
        var factory = Assert.IsAssignableFrom<Func<GrainId, IGrainReferenceRuntime, object>>(Granary.Metadata.GranaryMetadata.GetProxyFactory(typeof(IScientificCalculatorGrain)));
        var proxy = (IScientificCalculatorGrain)factory(GrainId.Create("calculator", "one"), runtime);
        using var cancellation = new CancellationTokenSource();

        Assert.Equal(7, await proxy.Add(3, 4));
        Assert.Equal(3, await proxy.Sqrt(new Customer { Name = "nine" }));
        Assert.Equal("Leeds", (await proxy.Locate(Guid.Empty, cancellation.Token))!.City);
        await proxy.Fire("and forget");
        var counted = new List<int>();
        await foreach (var item in proxy.CountTo(3)) counted.Add(item);

        Assert.Equal([1, 2, 3], counted);
        Assert.Equal(["Add", "Sqrt", "Locate", "Fire", "CountTo"], runtime.Sent.Select(r => r.MethodName));
        Assert.Equal(cancellation.Token, runtime.Sent[2].CancellationToken);
        Assert.True(runtime.SentOneWay);
        Assert.Equal(typeof(IScientificCalculatorGrain), ((GrainReference)proxy).InterfaceType);
    }

    private sealed class Calculator : IScientificCalculatorGrain
    {
        public Task<int> Add(int left, int right) => Task.FromResult(left + right);

        public Task Fire(string message) => Task.CompletedTask;

        public ValueTask<PostalAddress?> Locate(Guid key, CancellationToken cancellationToken) => new(new PostalAddress("1 Road", "Leeds"));

        public async IAsyncEnumerable<int> CountTo(int limit)
        {
            for (var i = 1; i <= limit; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        public Task<double> Sqrt(Customer customer) => Task.FromResult(Math.Sqrt(customer.Name.Length + 5));
    }

    /// <summary>A runtime that serializes each request, as a remote call would, and invokes it on a local target.</summary>
    private sealed class LoopbackRuntime(object target) : IGrainReferenceRuntime
    {
        public List<Invokable> Sent { get; } = [];

        public bool SentOneWay { get; private set; }

        public ValueTask<object?> InvokeAsync(GrainReference reference, Invokable request)
        {
            Sent.Add(request);
            var received = GeneratedWire.RoundTrip(request);
            received.CancellationToken = request.CancellationToken;
            return received.InvokeAsync(target);
        }

        public void InvokeOneWay(GrainReference reference, Invokable request)
        {
            Sent.Add(request);
            SentOneWay = true;
            _ = GeneratedWire.RoundTrip(request).InvokeAsync(target);
        }

        public IAsyncEnumerable<T> InvokeAsyncEnumerable<T>(GrainReference reference, AsyncEnumerableInvokable<T> request)
        {
            Sent.Add(request);
            return ((AsyncEnumerableInvokable<T>)GeneratedWire.RoundTrip<Invokable>(request)).InvokeEnumerable(target);
        }
    }
}
