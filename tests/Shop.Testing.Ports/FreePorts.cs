using System.Net;
using System.Net.Sockets;

namespace Shop.Testing.Ports;

/// <summary>
/// Ports nobody listens on, each handed out once per process: several silos, gateways and Kestrel servers start side
/// by side here, beside other processes on the machine, and a port probed free is bound only a moment later.
/// </summary>
public static class FreePorts
{
    // By port alone, whatever the address: a port taken on 127.0.0.2 is not offered again on 127.0.0.3.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A loopback port nobody listens on now and not handed out before in this process.</summary>
    public static int Next() => Next(IPAddress.Loopback);

    /// <summary>A port free on <paramref name="address"/> now and not handed out before in this process.</summary>
    public static int Next(IPAddress address)
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var probe = new TcpListener(address, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                if (HandedOut.Add(port)) return port;
            }
        }
    }
}
