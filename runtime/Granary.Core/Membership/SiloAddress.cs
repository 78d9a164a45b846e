using System.Globalization;
using System.Net;

namespace Granary.Runtime;

/// <summary>
/// A silo process: the endpoint it listens on and its generation. A silo restarted on the same endpoint
/// gets a higher generation, so its old incarnation can be told apart and declared dead.
/// </summary>
public sealed record SiloAddress(string Host, int Port, long Generation) : IComparable<SiloAddress>
{
    /// <summary>The endpoint as an IP endpoint (hosts are IP addresses or resolvable names).</summary>
    public IPEndPoint ToEndPoint() => IPAddress.TryParse(Host, out var ip)
        ? new IPEndPoint(ip, Port)
        : new IPEndPoint(Dns.GetHostAddresses(Host).First(), Port);

    /// <summary>True when both addresses name the same endpoint, whatever their generations.</summary>
    public bool IsSameEndpoint(SiloAddress other) => Port == other.Port && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the <c>host:port@generation</c> form of <see cref="ToString"/>.</summary>
    public static SiloAddress Parse(string value)
    {
        var at = value.LastIndexOf('@');
        var colon = at < 0 ? -1 : value.LastIndexOf(':', at);
        if (colon <= 0) throw new FormatException($"'{value}' is not a silo address of the form host:port@generation.");
        return new SiloAddress(
            value[..colon],
            int.Parse(value[(colon + 1)..at], CultureInfo.InvariantCulture),
            long.Parse(value[(at + 1)..], CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public int CompareTo(SiloAddress? other)
    {
        if (other is null) return 1;
        var byHost = string.CompareOrdinal(Host, other.Host);
        if (byHost != 0) return byHost;
        var byPort = Port.CompareTo(other.Port);
        return byPort != 0 ? byPort : Generation.CompareTo(other.Generation);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Host}:{Port}@{Generation}";
}
