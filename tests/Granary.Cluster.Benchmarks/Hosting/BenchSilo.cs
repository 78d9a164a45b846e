using Granary.Cluster.Benchmarks.Echo;
using Granary.Hosting;
using Granary.Placement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Granary.Cluster.Benchmarks.Hosting;

/// <summary>
/// The benchmark's silo, on PostgreSQL membership, hosting this assembly's grains. The same host runs as a child
/// process (the <c>silo</c> mode, configured by environment variables) and inside the benchmark process.
/// </summary>
internal static class BenchSilo
{
    /// <summary>When set, the silo also serves the bare TCP echo baseline on this port.</summary>
    public const string EchoPortSetting = "Bench:EchoPort";

    public static IHost Build(string[] args, IReadOnlyDictionary<string, string>? environmentStyleSettings = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (environmentStyleSettings is not null)
        {
            builder.Configuration.AddInMemoryCollection(
                environmentStyleSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)));
        }

        // Stdout carries the report; the silos' logs go to stderr.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var connectionString = builder.Configuration["Granary:Clustering:ConnectionString"]
            ?? throw new InvalidOperationException("Granary:Clustering:ConnectionString must name the PostgreSQL membership database.");
        builder.UseGranary(silo =>
        {
            silo.UseAdoNetClustering(o => o.ConnectionString = connectionString);
            silo.AddGrainAssembly(typeof(BenchSilo).Assembly);
            // Activations stay where the benchmark found them: a call measured as cross-silo must stay cross-silo.
            silo.Configure<RebalancingOptions>(o => o.Enabled = false);
        });
        if (builder.Configuration.GetValue<int?>(EchoPortSetting) is { } echoPort)
            builder.Services.AddHostedService(_ => new EchoServer(echoPort));
        return builder.Build();
    }
}
