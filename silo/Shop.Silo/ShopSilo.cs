using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Shop.Events;
using Shop.Notifications;
using Shop.Observability.Dashboard;
using Shop.Observability.Telemetry;
using Shop.Silo.Cluster;
using Shop.Silo.Diagnostics;

namespace Shop.Silo;

/// <summary>
/// The shop's silo configuration, shared by this host and by the API's embedded mode, so both run the same grains
/// on the same providers: clustering (<see cref="ShopClustering"/>), grain storage and reminders
/// (<see cref="ShopStorageOptions"/>), streams for domain events (<see cref="ShopStreamsOptions"/>), webhooks over HTTP,
/// trace propagation and the Orleans Dashboard's data collection (silo/Shop.Observability).
/// </summary>
public static class ShopSilo
{
    /// <summary>The named HttpClient webhooks are sent with.</summary>
    public const string WebhookClientName = "shop-webhooks";

    /// <summary>Configures <paramref name="silo"/> to host the shop from <paramref name="configuration"/>.</summary>
    public static ISiloBuilder Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.MigrateSchemaAtStart(configuration);
        silo.UseConfiguredClustering(configuration)
            .UseConfiguredKubernetesHosting(configuration)
            .UseConfiguredShutdownTimeout(configuration);
        silo.UseConfiguredStorage(ShopStorageOptions.Read(configuration));
        // Grain state is stored with Orleans' own serializer, not the default JSON one: it writes the [Id]s and
        // [Alias]es of our types rather than their CLR names, so renaming or moving a state type never strands
        // stored state, and it is smaller and faster.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddStorageExceptionSerialization();
        silo.UseConfiguredStreams(ShopStreamsOptions.Read(configuration));
        silo.AddShopTelemetry();
        silo.AddShopDashboard(configuration);
        silo.UseConfiguredActivationJournal(configuration);

        silo.Services.AddShopGrains();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStartupReport>();
        // Polly in the grains owns timeouts and retries; the client itself must not give up first.
        silo.Services.AddHttpClient(WebhookClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        silo.Services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        return silo;
    }
}
