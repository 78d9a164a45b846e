using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Shop.Silo.Storage;

namespace Shop.Silo;

/// <summary>Registers the shop's grain storage, the stream subscriptions' storage and reminders on one backing store.</summary>
internal static class ShopStorageRegistration
{
    /// <summary>Orleans keeps explicit stream subscriptions in a grain storage of this name.</summary>
    private const string PubSubStore = "PubSubStore";

    public static ISiloBuilder UseConfiguredStorage(this ISiloBuilder silo, ShopStorageOptions storage)
    {
        switch (storage.Provider)
        {
            case "Memory":
                silo.AddMemoryGrainStorage(ShopStorage.Name).AddMemoryGrainStorage(PubSubStore);
                return silo.UseInMemoryReminderService();
            case "AdoNet":
                // A cluster keeps state and reminders in PostgreSQL, so they outlive any silo and move with the ring.
                foreach (var name in (string[])[ShopStorage.Name, PubSubStore])
                {
                    silo.AddAdoNetGrainStorage(name, o =>
                    {
                        o.Invariant = ShopClustering.PostgresInvariant;
                        o.ConnectionString = storage.ConnectionString;
                    });
                    // Registered after Orleans' own, so it is the one resolved for the name.
                    silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, key) =>
                        new TransientFailureTranslation(AdoNetGrainStorageFactory.Create(services, (string)key!), (string)key!));
                }

                return silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = ShopClustering.PostgresInvariant;
                    o.ConnectionString = storage.ConnectionString;
                });
            default:
                var root = Path.GetFullPath(storage.Directory);
                silo.AddFileSystemGrainStorage(ShopStorage.Name, o => o.RootDirectory = root)
                    .AddFileSystemGrainStorage(PubSubStore, o => o.RootDirectory = root);
                // As the issue asks for the embedded default: reminders live in memory, so after a restart a pending
                // order settles when it is next called (its timer runs again on activation), not by itself.
                return silo.UseInMemoryReminderService();
        }
    }
}
