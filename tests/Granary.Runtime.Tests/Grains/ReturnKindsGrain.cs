using System.Runtime.CompilerServices;
using Granary.Concurrency;

namespace Granary.Runtime.Tests.Grains;

public interface IReturnKindsGrain : IGrainWithStringKey
{
    Task Plain();

    Task<string> Text(string value);

    ValueTask PlainValueTask();

    ValueTask<int> Square(int value);

    IAsyncEnumerable<int> Range(int count, string gate);

    [OneWay]
    Task Notify(string gate);

    Task WaitForCancellation(string signal, CancellationToken cancellationToken);

    Task Throw(string message);

    Task<int> Hang(string gate);
}

public sealed class ReturnKindsGrain(Probe probe) : Grain, IReturnKindsGrain
{
    public Task Plain() => Task.CompletedTask;

    public Task<string> Text(string value) => Task.FromResult(value + "!");

    public ValueTask PlainValueTask() => ValueTask.CompletedTask;

    public async ValueTask<int> Square(int value)
    {
        await Task.Yield();
        return value * value;
    }

    public async IAsyncEnumerable<int> Range(int count, string gate)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (i % 50 == 0) await Task.Yield();
                yield return i;
            }
        }
        finally
        {
            probe.Signal($"{gate}:disposed");
        }
    }

    public async Task Notify(string gate)
    {
        await probe.Pass(gate);
        probe.Signal($"{gate}:done");
    }

    public async Task WaitForCancellation(string signal, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Signal(signal);
            throw;
        }
    }

    public Task Throw(string message) => ThrowDeep(message);

    public async Task<int> Hang(string gate)
    {
        await probe.Pass(gate);
        return 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task ThrowDeep(string message) => throw new InvalidOperationException(message);
}
