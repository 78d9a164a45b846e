using System.Threading.Channels;

namespace Granary.Benchmarks.GrainCalls;

/// <summary>
/// The baseline "actor" with no runtime: a Channels mailbox drained by one reader loop, which handles each
/// request as <see cref="PingGrain"/> does and completes its TaskCompletionSource. Continuations run
/// asynchronously, as a grain call's do, so the caller never runs on the reader's thread.
/// </summary>
internal sealed class ChannelMailbox
{
    private readonly Channel<PingRequest> _inbox = Channel.CreateUnbounded<PingRequest>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly Task _reader;
    private long _handled;

    public ChannelMailbox() => _reader = Task.Run(DrainAsync);

    public Task<int> Ping(int value)
    {
        var request = new PingRequest(value);
        if (!_inbox.Writer.TryWrite(request)) throw new InvalidOperationException("The mailbox is closed.");
        return request.Task;
    }

    public Task CloseAsync()
    {
        _inbox.Writer.TryComplete();
        return _reader;
    }

    private async Task DrainAsync()
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request))
            {
                _handled++;
                request.SetResult(request.Value);
            }
        }
    }

    private sealed class PingRequest(int value) : TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public int Value { get; } = value;
    }
}
