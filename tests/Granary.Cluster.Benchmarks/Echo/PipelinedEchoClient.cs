using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Granary.Cluster.Benchmarks.Echo;

/// <summary>
/// The echo baseline shaped like Granary's connection: every loop's requests share one connection; a writer loop
/// sends whatever requests are queued in one send, a reader loop completes callers in order as replies arrive.
/// Replies come back in request order (one server loop per connection), so no request ids are needed.
/// </summary>
internal sealed class PipelinedEchoClient : IDisposable
{
    private const int MaxBatchBytes = 64 * 1024;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly Channel<TaskCompletionSource<int>> _outbound = Channel.CreateUnbounded<TaskCompletionSource<int>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<TaskCompletionSource<int>> _awaitingReply = new();
    private readonly byte[] _request;
    private readonly int _replyFrameBytes;

    private PipelinedEchoClient(int requestBytes, int replyBytes)
    {
        _request = EchoFrames.Create(requestBytes, replyBytes);
        _replyFrameBytes = EchoFrames.HeaderLength + replyBytes;
    }

    public static async Task<PipelinedEchoClient> ConnectAsync(int port, int requestBytes, int replyBytes)
    {
        var client = new PipelinedEchoClient(requestBytes, replyBytes);
        await client._socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        _ = Task.Run(client.WriteLoopAsync);
        _ = Task.Run(client.ReadLoopAsync);
        return client;
    }

    public Task<int> CallAsync(int value)
    {
        var reply = new TaskCompletionSource<int>(value, TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_outbound.Writer.TryWrite(reply)) throw new InvalidOperationException("The echo client is closed.");
        return reply.Task;
    }

    public void Dispose()
    {
        _outbound.Writer.TryComplete();
        _socket.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new byte[MaxBatchBytes];
        try
        {
            while (await _outbound.Reader.WaitToReadAsync())
            {
                var length = 0;
                while (length + _request.Length <= batch.Length && _outbound.Reader.TryRead(out var reply))
                {
                    _awaitingReply.Enqueue(reply);
                    _request.CopyTo(batch, length);
                    length += _request.Length;
                }

                await EchoFrames.SendAllAsync(_socket, batch.AsMemory(0, length), CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Disposed after the run.
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[MaxBatchBytes];
        var partial = 0;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0) return;
                // Every reply frame has the same length, so only the count of complete frames matters.
                var total = partial + read;
                for (var frames = total / _replyFrameBytes; frames > 0; frames--)
                {
                    if (_awaitingReply.TryDequeue(out var reply)) reply.TrySetResult((int)reply.Task.AsyncState!);
                }

                partial = total % _replyFrameBytes;
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Disposed after the run.
        }
    }
}
