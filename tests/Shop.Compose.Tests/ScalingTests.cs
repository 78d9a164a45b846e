using Shop.Compose.Tests.Harness;

namespace Shop.Compose.Tests;

/// <summary>
/// The silo service changes under clients that keep ordering: scaled 2 -> 3 -> 1, and restarted one silo at a time.
/// No request may fail (clients retry transient failures a bounded number of times with the same Idempotency-Key),
/// and the shop's invariants hold afterwards.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class ScalingTests(ComposeFixture fixture, ITestOutputHelper output)
{
    private const int Clients = 4;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [ComposeFact]
    public async Task Scaling_the_silos_2_3_1_under_load_fails_no_request_and_keeps_the_invariants()
    {
        var stack = fixture.Stack;
        await stack.ScaleSilosAsync(2);
        await RunUnderLoadAsync("scale 2 -> 3 -> 1", async report =>
        {
            report($"scale 2 -> 3: 3 silos active after {(await stack.ScaleSilosAsync(3)).TotalSeconds:F1} s");
            await Task.Delay(Settle);
            report($"scale 3 -> 1: 1 silo active after {(await stack.ScaleSilosAsync(1)).TotalSeconds:F1} s");
            await Task.Delay(Settle);
        });
    }

    [ComposeFact]
    public async Task A_rolling_restart_of_the_silos_under_load_fails_no_request_and_keeps_the_invariants()
    {
        var stack = fixture.Stack;
        await stack.ScaleSilosAsync(2);
        await RunUnderLoadAsync("rolling restart of 2 silos", async report =>
        {
            foreach (var silo in await stack.SilosAsync())
            {
                report($"restart {silo} (SIGTERM, start, active again) in {(await stack.RestartSiloAsync(silo, 2)).TotalSeconds:F1} s");
                await Task.Delay(Settle);
            }
        });
    }

    private async Task RunUnderLoadAsync(string name, Func<Action<string>, Task> change)
    {
        using var http = new HttpClient { BaseAddress = fixture.Stack.ApiAddress, Timeout = Timeout.InfiniteTimeSpan };
        var shop = new ShopClient(http);
        var users = new List<Guid>();
        for (var i = 0; i < Clients; i++)
        {
            var user = await shop.CreateUserAsync($"Client {i}");
            await shop.DepositAsync(user, 10_000m);
            users.Add(user);
        }

        var stock = new Dictionary<string, int>();
        for (var i = 0; i < 3; i++)
        {
            var sku = $"S{i}-{Guid.NewGuid():N}"[..12];
            await shop.PutProductAsync(sku, 1.25m + i);
            await shop.AddStockAsync(sku, 2_000);
            stock[sku] = 2_000;
        }

        var figures = new List<string>();
        void Report(string line)
        {
            figures.Add(line);
            output.WriteLine(line);
        }

        await using (var load = new OrderLoad(shop, users, [.. stock.Keys]))
        {
            await Task.Delay(Settle);
            await change(Report);
            await load.StopAsync();
            var summary = $"{name}: {load.Requests} requests from {Clients} clients, {load.Failures.Count} failed, " +
                          $"{shop.Retries} retried attempts, slowest order round trip {load.MaxLatency.TotalSeconds:F1} s";
            Report(summary);
            lock (fixture.Figures) fixture.Figures.AddRange(figures);
            Assert.True(load.Failures.Count == 0, $"{summary}:\n{string.Join('\n', load.Failures.Take(10))}");
        }

        var violations = await HttpInvariants.CheckAsync(shop, users, stock);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }
}
