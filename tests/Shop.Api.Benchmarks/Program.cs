using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Shop.Api.Benchmarks;

// Requests/s of GET product and POST order on the shop API's embedded default, beside a bare minimal API serving
// the same JSON, in one run. Prints figures and asserts nothing.
//   dotnet run -c Release --project tests/Shop.Api.Benchmarks [-- --seconds 5 --concurrency 32]
var seconds = Option(args, "--seconds", 5);
var concurrency = Option(args, "--concurrency", 32);
const int Users = 64, Skus = 16;

using var shop = new EmbeddedShopApi();
shop.Start();
using var inMemory = new EmbeddedShopApi("Memory");
inMemory.Start();
var bare = await BareApi.StartAsync();
var shopUrl = AddressOf(shop.Services);
var inMemoryUrl = AddressOf(inMemory.Services);
var bareUrl = AddressOf(bare.Services);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };

Console.WriteLine($"Shop API benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {concurrency} concurrent clients, {seconds} s per scenario after a 2 s warm-up");
Console.WriteLine($"Embedded default (file storage in {shop.StorageDirectory}); load generator in the same process as both servers.");
var users = await SeedAsync(http, shopUrl);
var inMemoryUsers = await SeedAsync(http, inMemoryUrl);
var load = new LoadGenerator(http, concurrency, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds));

async Task<bool> GetProduct(Uri server, int i) =>
    (await http.GetAsync(new Uri(server, $"/api/v1/products/BENCH-{i % Skus}"))).StatusCode == System.Net.HttpStatusCode.OK;

async Task<bool> PostOrder(Uri server, Guid[] buyers, int i)
{
    var body = JsonSerializer.Serialize(new { userId = buyers[i % Users], lines = new[] { new { sku = $"BENCH-{i % Skus}", quantity = 1 } } });
    using var content = new StringContent(body, Encoding.UTF8, "application/json");
    return (await http.PostAsync(new Uri(server, "/api/v1/orders"), content)).StatusCode == System.Net.HttpStatusCode.Created;
}

var results = new List<LoadResult>
{
    await load.RunAsync("GET product, bare minimal API", (_, i) => GetProduct(bareUrl, i)),
    await load.RunAsync("GET product, shop API (embedded)", (_, i) => GetProduct(shopUrl, i)),
    await load.RunAsync("POST order, bare minimal API", (_, i) => PostOrder(bareUrl, users, i)),
    await load.RunAsync("POST order, shop API (embedded)", (_, i) => PostOrder(shopUrl, users, i)),
};
var memoryStorage = await load.RunAsync("POST order, shop API (embedded, memory storage instead of files)", (_, i) => PostOrder(inMemoryUrl, inMemoryUsers, i));
Console.WriteLine();
Console.WriteLine("| scenario | requests/s | p50 ms | p99 ms | errors | vs bare |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
for (var i = 0; i < results.Count; i++)
{
    var r = results[i];
    var ratio = i % 2 == 1 ? $"{r.RequestsPerSecond / results[i - 1].RequestsPerSecond:P0}" : "";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Errors} | {ratio} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {memoryStorage.Scenario} | {memoryStorage.RequestsPerSecond:F0} | {memoryStorage.P50Ms:F2} | {memoryStorage.P99Ms:F2} | {memoryStorage.Errors} | {memoryStorage.RequestsPerSecond / results[2].RequestsPerSecond:P0} |"));
Console.WriteLine();
Console.WriteLine($"POST order writes grain state about seven times (order, user's order list, stock reserve and commit per line, wallet), each flushed to disk.");
await bare.DisposeAsync();

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static Uri AddressOf(IServiceProvider services) =>
    new(((IServer)services.GetService(typeof(IServer))!).Features.Get<IServerAddressesFeature>()!.Addresses.First());

// Users with money and SKUs with stock enough for every order the run can place.
async Task<Guid[]> SeedAsync(HttpClient client, Uri server)
{
    for (var s = 0; s < Skus; s++)
    {
        (await client.PutAsJsonAsync(new Uri(server, $"/api/v1/products/BENCH-{s}"), new { name = "Benchmark tea", price = 1.00m })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync(new Uri(server, $"/api/v1/products/BENCH-{s}/stock"), new { quantity = 1_000_000 })).EnsureSuccessStatusCode();
    }

    return await Task.WhenAll(Enumerable.Range(0, Users).Select(async u =>
    {
        var created = await client.PostAsJsonAsync(new Uri(server, "/api/v1/users"), new { email = $"bench-{u}-{Guid.NewGuid():N}@example.com", name = "Bench" });
        var id = JsonDocument.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync(new Uri(server, $"/api/v1/users/{id}/wallet/deposits"), new { amount = 1_000_000m })).EnsureSuccessStatusCode();
        return id;
    }));
}
