using Microsoft.Extensions.Hosting;
using Shop.Database.Tests.Infrastructure;

namespace Shop.Database.Tests.Contracts;

/// <summary>
/// Two real silos and a client on one migrated schema, shared by the <see cref="ClusterCollection"/>: clustering,
/// grain storage and reminders all go through Orleans' ADO.NET providers.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private TestSchema _schema = null!;

    public string ClusterId { get; } = $"cluster-{Guid.NewGuid():N}";

    public string ServiceId { get; } = $"service-{Guid.NewGuid():N}";

    internal TestSchema Schema => _schema;

    public IHost Primary { get; private set; } = null!;

    public IHost Secondary { get; private set; } = null!;

    public IHost Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _schema = await TestSchema.MigratedAsync("cluster");
        Primary = await TestSilo.StartAsync(_schema.ConnectionString, ClusterId, ServiceId);
        Secondary = await TestSilo.StartAsync(_schema.ConnectionString, ClusterId, ServiceId);
        Client = await TestSilo.StartClientAsync(_schema.ConnectionString, ClusterId, ServiceId);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { Client, Secondary, Primary })
        {
            if (host is not null)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }

        await _schema.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "PostgreSQL cluster";
}
