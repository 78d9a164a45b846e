using System.Net;
using System.Net.Sockets;

namespace Shop.Cluster.Benchmarks.Hosting;

/// <summary>The floor a cross-silo call is measured against: fixed-size frames echoed back over a bare TCP connection.</summary>
internal static class Echo
{
    public const int FrameBytes = 64;

    public static async Task ServeAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        using var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(endpoint);
        listener.Listen(512);
        while (!cancellationToken.IsCancellationRequested)
        {
            var connection = await listener.AcceptAsync(cancellationToken);
            _ = Task.Run(async () =>
            {
                using var socket = connection;
                socket.NoDelay = true;
                var frame = new byte[FrameBytes];
                try
                {
                    while (await ReadFrameAsync(socket, frame, cancellationToken)) await socket.SendAsync(frame, cancellationToken);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                    // The client went away.
                }
            }, cancellationToken);
        }
    }

    /// <summary>Request/response round trips per second over <paramref name="concurrency"/> connections.</summary>
    public static async Task<double> MeasureAsync(IPEndPoint endpoint, int concurrency, TimeSpan duration)
    {
        var sockets = new List<Socket>();
        for (var i = 0; i < concurrency; i++)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint);
            sockets.Add(socket);
        }

        var calls = 0L;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(sockets.Select(async socket =>
        {
            var frame = new byte[FrameBytes];
            while (watch.Elapsed < duration)
            {
                await socket.SendAsync(frame);
                await ReadFrameAsync(socket, frame, CancellationToken.None);
                Interlocked.Increment(ref calls);
            }
        }));
        var rate = calls / watch.Elapsed.TotalSeconds;
        foreach (var socket in sockets) socket.Dispose();
        return rate;
    }

    private static async Task<bool> ReadFrameAsync(Socket socket, byte[] frame, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < frame.Length)
        {
            var n = await socket.ReceiveAsync(frame.AsMemory(read), cancellationToken);
            if (n == 0) return false;
            read += n;
        }

        return true;
    }
}
