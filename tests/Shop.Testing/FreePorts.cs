using System.Net;
using System.Net.Sockets;

namespace Shop.Testing;

/// <summary>
/// Loopback ports nobody listens on, each handed out once per test process: several embedded silos and Kestrel
/// servers run side by side here, beside other processes on the machine.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                if (HandedOut.Add(port)) return port;
            }
        }
    }
}
