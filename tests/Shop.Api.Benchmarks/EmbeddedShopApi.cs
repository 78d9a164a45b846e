extern alias ShopApi;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shop.Testing.Ports;

namespace Shop.Api.Benchmarks;

/// <summary>
/// The shop API exactly as `dotnet run --project api/Shop.Api` configures it (embedded silo, durable file storage,
/// memory streams, in-memory reminders), on real Kestrel sockets; only its data directory is a fresh temporary one.
/// <paramref name="storageProvider"/> "Memory" swaps the file storage out, to show what durable writes cost.
/// </summary>
public sealed class EmbeddedShopApi(string storageProvider = "File") : WebApplicationFactory<ShopApi::Program>
{
    public string StorageDirectory { get; } = Path.Combine(Path.GetTempPath(), "shop-api-bench-" + Guid.NewGuid().ToString("N"));

    public void Start()
    {
        // The API's appsettings.json is copied next to this program; use it as the content root wherever the
        // benchmark runs from, instead of looking for the solution folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHOP_API", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Shop:Storage:Directory", StorageDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Shop:Storage:Provider", storageProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(StorageDirectory)) Directory.Delete(StorageDirectory, recursive: true);
    }
}
