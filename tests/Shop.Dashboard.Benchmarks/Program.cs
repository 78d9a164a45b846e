using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Shop.Catalog;
using Shop.Dashboard.Benchmarks;

// What the Orleans Dashboard costs the shop: requests/s of GET product and POST order on the API, and grain calls/s
// (IProductGrain.Get through the cluster client), on the embedded default with memory storage, for three set-ups
// running side by side in this one run. Prints figures and ratios; asserts nothing.
//   dotnet run -c Release --project tests/Shop.Dashboard.Benchmarks [-- --seconds 3 --rounds 3 --concurrency 32]
var seconds = Option(args, "--seconds", 3);
var concurrency = Option(args, "--concurrency", 32);
var rounds = Option(args, "--rounds", 3);
const int Users = 64, Skus = 16;
var loop = new ClosedLoop(concurrency, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds));
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };

Console.WriteLine($"Dashboard cost: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {concurrency} concurrent callers, {seconds} s per scenario after a 1 s warm-up, {rounds} rounds.");
Console.WriteLine("Embedded shop, memory storage; load generator in the same process. Off: Shop:Dashboard:Enabled=false. Idle: the default, nobody watching.");
Console.WriteLine("Watched: the profiler always on (GrainProfilerOptions.TraceAlways) and the overview's JSON polled once a second, as an open browser tab does.");

// The three shops run side by side and every scenario is measured for each in turn, round after round, starting
// with a different one each round: on a machine shared with other work, load drifts, and this spreads it evenly.
var variants = Enum.GetValues<DashboardVariant>();
string[] scenarios = ["GET product (API)", "POST order (API)", "grain call IProductGrain.Get"];
var shops = new Dictionary<DashboardVariant, (BenchShop Shop, Guid[] Buyers, IClusterClient Grains)>();
foreach (var variant in variants)
{
    var shop = new BenchShop(variant);
    shop.Start();
    shops[variant] = (shop, await SeedAsync(shop.Address), shop.Services.GetRequiredService<IClusterClient>());
}

using var watching = new CancellationTokenSource();
var watcher = WatchAsync(shops[DashboardVariant.Profiling].Shop.Address, watching.Token);
var results = new Dictionary<(DashboardVariant, string), List<RunResult>>();
for (var round = 0; round < rounds; round++)
{
    foreach (var scenario in scenarios)
    {
        for (var v = 0; v < variants.Length; v++)
        {
            var variant = variants[(v + round) % variants.Length];
            var (shop, buyers, grains) = shops[variant];
            Func<int, Task<bool>> operation = scenario switch
            {
                "GET product (API)" => async i =>
                    (await http.GetAsync(new Uri(shop.Address, $"/api/v1/products/BENCH-{i % Skus}"))).StatusCode == HttpStatusCode.OK,
                "POST order (API)" => async i =>
                {
                    var body = JsonSerializer.Serialize(new { userId = buyers[i % Users], lines = new[] { new { sku = $"BENCH-{i % Skus}", quantity = 1 } } });
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    return (await http.PostAsync(new Uri(shop.Address, "/api/v1/orders"), content)).StatusCode == HttpStatusCode.Created;
                },
                _ => async i => await grains.GetGrain<IProductGrain>($"BENCH-{i % Skus}").Get() is not null,
            };
            (results.TryGetValue((variant, scenario), out var list) ? list : results[(variant, scenario)] = []).Add(await loop.RunAsync(operation));
        }
    }

    Console.WriteLine($"  round {round + 1} of {rounds} measured");
}

await watching.CancelAsync();
await watcher;
foreach (var (shop, _, _) in shops.Values) shop.Dispose();

Console.WriteLine();
Console.WriteLine($"Medians over {rounds} rounds:");
Console.WriteLine("| scenario | dashboard | ops/s | p50 ms | p99 ms | errors | vs off |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
foreach (var scenario in scenarios)
{
    var off = Median(results[(DashboardVariant.Off, scenario)], r => r.PerSecond);
    foreach (var variant in variants)
    {
        var runs = results[(variant, scenario)];
        var perSecond = Median(runs, r => r.PerSecond);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {Name(variant)} | {perSecond:F0} | {Median(runs, r => r.P50Ms):F2} | {Median(runs, r => r.P99Ms):F2} | {runs.Sum(r => r.Errors)} | {perSecond / off:P0} |"));
    }
}

static double Median(List<RunResult> runs, Func<RunResult, double> value)
{
    var sorted = runs.Select(value).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Name(DashboardVariant variant) => variant == DashboardVariant.Profiling ? "watched (profiler on)" : variant.ToString().ToLowerInvariant();

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

// What an open overview tab asks for every second.
async Task WatchAsync(Uri server, CancellationToken cancellationToken)
{
    using var tab = new HttpClient { BaseAddress = server };
    tab.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:benchmark-password")));
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
    try
    {
        do
        {
            foreach (var path in (string[])["/dashboard/DashboardCounters", "/dashboard/ClusterStats", "/dashboard/TopGrainMethods"])
                (await tab.GetAsync(path, cancellationToken)).EnsureSuccessStatusCode();
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
    catch (OperationCanceledException)
    {
    }
}

// Users with money and SKUs with stock enough for every order the run can place.
async Task<Guid[]> SeedAsync(Uri server)
{
    for (var s = 0; s < Skus; s++)
    {
        (await http.PutAsJsonAsync(new Uri(server, $"/api/v1/products/BENCH-{s}"), new { name = "Benchmark tea", price = 1.00m })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync(new Uri(server, $"/api/v1/products/BENCH-{s}/stock"), new { quantity = 1_000_000 })).EnsureSuccessStatusCode();
    }

    return await Task.WhenAll(Enumerable.Range(0, Users).Select(async u =>
    {
        var created = await http.PostAsJsonAsync(new Uri(server, "/api/v1/users"), new { email = $"bench-{u}-{Guid.NewGuid():N}@example.com", name = "Bench" });
        var id = JsonDocument.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync(new Uri(server, $"/api/v1/users/{id}/wallet/deposits"), new { amount = 1_000_000m })).EnsureSuccessStatusCode();
        return id;
    }));
}
