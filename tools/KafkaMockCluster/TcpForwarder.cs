using System.Net;
using System.Net.Sockets;

namespace KafkaMockClusterTool;

/// <summary>Forwards every connection on a fixed port to the mock broker's own listener.</summary>
internal static class TcpForwarder
{
    public static async Task RunAsync(IPEndPoint listen, string target, CancellationToken cancellationToken)
    {
        var separator = target.LastIndexOf(':');
        var (host, port) = (target[..separator], int.Parse(target[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        using var listener = new TcpListener(listen);
        listener.Start();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                _ = PipeAsync(client, host, port, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task PipeAsync(TcpClient client, string host, int port, CancellationToken cancellationToken)
    {
        using (client)
        using (var broker = new TcpClient { NoDelay = true })
        {
            try
            {
                client.NoDelay = true;
                await broker.ConnectAsync(host, port, cancellationToken);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var up = client.GetStream().CopyToAsync(broker.GetStream(), done.Token);
                var down = broker.GetStream().CopyToAsync(client.GetStream(), done.Token);
                await Task.WhenAny(up, down);
                await done.CancelAsync();
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // One side closed: the other is closed with it.
            }
        }
    }
}
