using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.Silo;

/// <summary>
/// How long a stopping silo may take to hand its grains over and leave the cluster. Kubernetes must wait longer than
/// this before it kills the pod (terminationGracePeriodSeconds), or a graceful leave becomes a crash.
/// </summary>
public static class SiloShutdown
{
    /// <summary>The setting; a TimeSpan such as <c>00:00:30</c>.</summary>
    public const string TimeoutSetting = "Shop:Silo:ShutdownTimeout";

    /// <summary>The default: the .NET host's own default of 30 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads <see cref="TimeoutSetting"/>, failing with its name when it is not a positive duration.</summary>
    public static TimeSpan ReadTimeout(IConfiguration configuration)
    {
        var configured = configuration[TimeoutSetting];
        if (string.IsNullOrWhiteSpace(configured)) return DefaultTimeout;
        if (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var timeout) || timeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"{TimeoutSetting} must be a positive duration such as 00:00:30 (got '{configured}').");
        return timeout;
    }

    /// <summary>Gives the host <see cref="TimeoutSetting"/> to stop in.</summary>
    public static ISiloBuilder UseConfiguredShutdownTimeout(this ISiloBuilder silo, IConfiguration configuration)
    {
        var timeout = ReadTimeout(configuration);
        silo.Services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
        return silo;
    }
}
