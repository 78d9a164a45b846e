extern alias ShopApi;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shop.Testing.Ports;

namespace Shop.Api.Tests;

/// <summary>
/// The API as `dotnet run` starts it (embedded silo, file storage, memory streams, in-memory reminders), with its
/// file storage in a fresh temporary directory and extra settings per test class.
/// </summary>
public class ShopApiFactory : WebApplicationFactory<ShopApi::Program>
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "shop-api-tests-" + Guid.NewGuid().ToString("N"));

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Shop:Storage:Directory", _storage);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Several embedded silos run in one test process, beside other silos on this machine.
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ShopApiFactory>
{
    public const string Name = "Shop API";
}
