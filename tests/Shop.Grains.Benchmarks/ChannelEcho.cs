using System.Threading.Channels;

namespace Shop.Grains.Benchmarks;

/// <summary>
/// The floor a grain call is measured against: requests through a channel to one consumer that answers each one
/// on its own task completion source, the least machinery an in-process request/response can have.
/// </summary>
internal sealed class ChannelEcho : IAsyncDisposable
{
    private readonly Channel<(int Value, TaskCompletionSource<int> Reply)> _requests =
        Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _consumer;

    public ChannelEcho() => _consumer = Task.Run(ConsumeAsync);

    public Task<int> Echo(int value)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite((value, reply));
        return reply.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.Complete();
        await _consumer;
    }

    private async Task ConsumeAsync()
    {
        await foreach (var (value, reply) in _requests.Reader.ReadAllAsync()) reply.SetResult(value);
    }
}
