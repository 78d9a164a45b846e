using System.Net;
using System.Net.Sockets;

namespace Granary.Cluster.Benchmarks.Echo;

/// <summary>One connection of the echo baseline, used by one load loop at a time (a request, then its response).</summary>
internal sealed class EchoClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _request;
    private readonly byte[] _reply;

    private EchoClient(int requestBytes, int replyBytes)
    {
        _request = EchoFrames.Create(requestBytes, replyBytes);
        _reply = new byte[EchoFrames.HeaderLength + replyBytes];
    }

    /// <param name="requestBytes">Payload bytes of each request frame (what Granary's request message measured).</param>
    /// <param name="replyBytes">Payload bytes of each response frame.</param>
    public static async Task<EchoClient> ConnectAsync(int port, int requestBytes, int replyBytes)
    {
        var client = new EchoClient(requestBytes, replyBytes);
        await client._socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return client;
    }

    /// <summary>One round trip; returns <paramref name="value"/> so it fits the load generator's call shape.</summary>
    public async Task<int> CallAsync(int value)
    {
        await EchoFrames.SendAllAsync(_socket, _request, CancellationToken.None);
        if (!await EchoFrames.ReadExactlyAsync(_socket, _reply, CancellationToken.None))
            throw new InvalidOperationException("The echo server closed the connection.");
        return value;
    }

    public void Dispose() => _socket.Dispose();
}
