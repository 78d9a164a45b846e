using System.Diagnostics;
using System.Net;
using Shop.Testing.Ports;

namespace Shop.Compose.Tests.Harness;

/// <summary>
/// The repository's docker-compose.yml run by podman-compose under its own project name, on the images
/// scripts/container-images.sh builds from the local base images. Everything it creates carries the project's label
/// and is removed by it, before and after.
/// </summary>
internal sealed class ComposeStack : IAsyncDisposable
{
    public const string Project = "shopcomposetest";
    public const string SiloImage = "localhost/shop-silo:dev";
    public const string ApiImage = "localhost/shop-api:dev";
    public const string PostgresImage = "localhost/shop-postgres:15";
    public const string KafkaMockImage = "localhost/shop-kafka-mock:dev";

    private static readonly TimeSpan Short = TimeSpan.FromMinutes(2);

    private ComposeStack(int apiPort) => ApiPort = apiPort;

    public int ApiPort { get; }

    public Uri ApiAddress => new($"http://127.0.0.1:{ApiPort}");

    public string PostgresContainer => $"{Project}_postgres_1";

    public string Network => $"{Project}_default";

    /// <summary>How long building the images took (the script; cached layers make a second build short).</summary>
    public TimeSpan ImageBuildTime { get; private set; }

    /// <summary>How long from <c>up</c> until the API answered ready.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Builds the images, removes leftovers of an earlier run, starts the stack and waits until the API is ready.</summary>
    public static async Task<ComposeStack> StartAsync(int silos)
    {
        var stack = new ComposeStack(FreePorts.Next());
        var watch = Stopwatch.StartNew();
        await Command.RunAsync(Path.Combine(RepositoryRoot.Path, "scripts", "container-images.sh"), [], TimeSpan.FromMinutes(45));
        stack.ImageBuildTime = watch.Elapsed;
        await RemoveAllAsync();
        watch.Restart();
        await stack.ComposeAsync(silos, "up", "-d");
        await stack.WaitUntilReadyAsync(TimeSpan.FromMinutes(4));
        await stack.WaitForActiveSilosAsync(silos, TimeSpan.FromMinutes(2));
        stack.StartTime = watch.Elapsed;
        return stack;
    }

    /// <summary>podman-compose with this stack's project, images and API port.</summary>
    public Task<string> ComposeAsync(int silos, params string[] arguments) =>
        Command.RunAsync("podman-compose", ["-p", Project, "-f", "docker-compose.yml", .. arguments], TimeSpan.FromMinutes(5),
            new Dictionary<string, string>
            {
                ["POSTGRES_IMAGE"] = PostgresImage,
                ["SHOP_SILO_IMAGE"] = SiloImage,
                ["SHOP_API_IMAGE"] = ApiImage,
                ["SHOP_KAFKA_MOCK_IMAGE"] = KafkaMockImage,
                ["SILO_REPLICAS"] = silos.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["API_PORT"] = $"127.0.0.1:{ApiPort}",
            });

    /// <summary>The silo containers that run, by replica number.</summary>
    public async Task<List<string>> SilosAsync()
    {
        var names = await Command.RunAsync("podman",
            ["ps", "--filter", $"label=io.podman.compose.project={Project}", "--filter", "label=com.docker.compose.service=silo", "--format", "{{.Names}}"], Short);
        return [.. names.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderBy(name => int.Parse(name[(name.LastIndexOf('_') + 1)..], System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// Scales the silo service: up with podman-compose (as <c>docker compose up -d --scale silo=N</c> does), down by
    /// stopping the highest replicas with SIGTERM (a graceful leave) and removing them; then waits until the membership
    /// table shows exactly <paramref name="silos"/> active silos. Returns how long that took.
    /// </summary>
    public async Task<TimeSpan> ScaleSilosAsync(int silos)
    {
        var watch = Stopwatch.StartNew();
        var running = await SilosAsync();
        if (silos > running.Count) await ComposeAsync(silos, "up", "-d");
        foreach (var extra in running.Skip(silos).Reverse())
        {
            await Command.RunAsync("podman", ["stop", "--time", "45", extra], Short);
            await Command.RunAsync("podman", ["rm", "--force", extra], Short);
        }

        await WaitForActiveSilosAsync(silos, TimeSpan.FromMinutes(3));
        return watch.Elapsed;
    }

    /// <summary>Stops one silo with SIGTERM, starts it again and waits until it is active again; returns how long.</summary>
    public async Task<TimeSpan> RestartSiloAsync(string container, int silos)
    {
        var watch = Stopwatch.StartNew();
        var before = await ActiveSilosAsync();
        await Command.RunAsync("podman", ["stop", "--time", "45", container], Short);
        await Command.RunAsync("podman", ["start", container], Short);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var now = await ActiveSilosAsync();
            if (now.Count == silos && now.Except(before).Any()) return watch.Elapsed;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{container} did not come back: active {string.Join(", ", now)} (before {string.Join(", ", before)}).");
            await Task.Delay(250);
        }
    }

    /// <summary>The active rows of the membership table, as address:port:generation.</summary>
    public async Task<List<string>> ActiveSilosAsync(string clusterId = "shop") =>
        [.. (await SqlAsync($"SELECT address || ':' || port || ':' || generation FROM orleans_membership WHERE deployment_id = '{clusterId}' AND status = 3"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A query run by psql inside the stack's PostgreSQL container; rows as lines, columns separated by '|'.</summary>
    public Task<string> SqlAsync(string sql) =>
        Command.RunAsync("podman", ["exec", PostgresContainer, "psql", "-U", "shop", "-d", "shop", "-tAX", "-c", sql], Short);

    public async Task WaitForActiveSilosAsync(int silos, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<string> active = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                active = await ActiveSilosAsync();
                if (active.Count == silos) return;
            }
            catch (InvalidOperationException)
            {
                // The table does not exist until the migrator ran.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Expected {silos} active silos, the membership table has {active.Count}: {string.Join(", ", active)}.");
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(500);
        }

        var logs = await Command.TryRunAsync("podman", ["logs", "--tail", "30", $"{Project}_api_1"], Short);
        throw new TimeoutException($"The API at {ApiAddress} was not ready within {timeout}: {last}\n{logs.Output}\n{logs.Errors}");
    }

    /// <summary>Removes every container, network and volume of the project (only those: found by its label and names).</summary>
    public static async Task RemoveAllAsync()
    {
        var containers = await Command.RunAsync("podman", ["ps", "--all", "--quiet", "--filter", $"label=io.podman.compose.project={Project}"], Short);
        var ids = containers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 0) await Command.RunAsync("podman", ["rm", "--force", "--time", "10", .. ids], Short);
        await Command.TryRunAsync("podman", ["network", "rm", $"{Project}_default"], Short);
        await Command.TryRunAsync("podman", ["volume", "rm", "--force", $"{Project}_postgres-data"], Short);
    }

    public async ValueTask DisposeAsync() => await RemoveAllAsync();
}
