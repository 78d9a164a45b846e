using Granary.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Events;
using Shop.Notifications;

namespace Shop.Silo;

/// <summary>
/// The shop's silo configuration, shared by this host and by the API's embedded development mode, so both run
/// the same grains on the same providers: localhost clustering, the shop's grain storage (durable files by
/// default), streams for domain events (in memory, or Kafka with <c>Shop:Streams:Provider=Kafka</c>), reminders, and
/// webhooks over HTTP.
/// </summary>
public static class ShopSilo
{
    /// <summary>The named HttpClient webhooks are sent with.</summary>
    public const string WebhookClientName = "shop-webhooks";

    /// <summary>Configures <paramref name="silo"/> to host the shop, reading <c>Shop:*</c> settings from <paramref name="configuration"/>.</summary>
    public static ISiloBuilder Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = ShopStorageOptions.Read(configuration);
        silo.UseConfiguredClustering(configuration);
        switch (storage.Provider)
        {
            case "Memory":
                silo.AddMemoryGrainStorage(ShopStorage.Name);
                silo.UseInMemoryReminderService();
                break;
            case "AdoNet":
                // A cluster keeps state and reminders in PostgreSQL, so they survive any silo and move with the ring.
                silo.AddAdoNetGrainStorage(ShopStorage.Name, o => o.ConnectionString = storage.ConnectionString);
                silo.UseAdoNetReminderService(o => o.ConnectionString = storage.ConnectionString);
                break;
            default:
                silo.AddFileGrainStorage(ShopStorage.Name, Path.GetFullPath(storage.Directory));
                silo.UseInMemoryReminderService();
                break;
        }

        if (ShopStreamsOptions.Read(configuration).Provider == "Kafka")
        {
            // Partitions follow the cluster's membership: each silo reads its share and the shares move with silos.
            silo.AddKafkaStreams(ShopStreams.Provider, o =>
            {
                if (o.Namespaces.Count == 0) o.Namespaces.AddRange([ShopStreams.Orders, ShopStreams.Inventory, ShopStreams.Wallets]);
            });
        }
        else
        {
            silo.AddMemoryStreams(ShopStreams.Provider);
        }
        silo.AddGrainAssembly(ShopGrainsServiceCollectionExtensions.GrainAssembly);

        silo.Services.AddShopGrains();
        // Polly in the grains owns timeouts and retries; the client itself must not give up first.
        silo.Services.AddHttpClient(WebhookClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        silo.Services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        return silo;
    }
}
