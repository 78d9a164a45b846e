using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Api.Tests;

/// <summary>What the embedded default promises about its process: durable state, honest readiness, and its cluster switch.</summary>
public sealed class HostingTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "shop-hosting-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
        if (File.Exists(_storage)) File.Delete(_storage);
    }

    [Fact]
    public async Task State_survives_a_restart_of_the_api_process()
    {
        Guid user;
        string sku;
        await using (var first = new ConfiguredApiFactory(("Shop:Storage:Directory", _storage)))
        {
            var shop = new ShopClient(first.CreateClient());
            user = await shop.CreateUser(deposit: 20m);
            sku = await shop.CreateProduct(price: 5m, stock: 3);
            Assert.Equal(HttpStatusCode.Created, (await shop.PlaceOrder(user, sku, 1)).StatusCode);
        }

        await using var second = new ConfiguredApiFactory(("Shop:Storage:Directory", _storage));
        var restarted = new ShopClient(second.CreateClient());
        Assert.Equal(15m, (await restarted.Get($"/api/v1/users/{user}/wallet")).GetProperty("balance").GetDecimal());
        Assert.Equal(2, (await restarted.Get($"/api/v1/products/{sku}")).GetProperty("available").GetInt32());
        Assert.Equal(1, (await restarted.Get($"/api/v1/users/{user}/orders")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Grain_state_is_stored_by_type_alias_and_field_ids_not_by_clr_names()
    {
        await using (var api = new ConfiguredApiFactory(("Shop:Storage:Directory", _storage)))
        {
            var shop = new ShopClient(api.CreateClient());
            var user = await shop.CreateUser(deposit: 20m);
            var sku = await shop.CreateProduct(price: 5m, stock: 3);
            Assert.Equal(HttpStatusCode.Created, (await shop.PlaceOrder(user, sku, 1)).StatusCode);
        }

        var files = Directory.GetFiles(_storage, "*.state", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.Contains("order", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
            // A JSON serializer with type names would write "Shop.Orders.OrderState, Shop.Grains" and the like.
            Assert.DoesNotContain("Shop.Grains", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Shop.Interfaces", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Readiness_fails_when_grain_storage_cannot_write_while_liveness_holds()
    {
        await File.WriteAllTextAsync(_storage, "a file where the storage directory's parent should be");
        await using var api = new ConfiguredApiFactory(("Shop:Storage:Directory", Path.Combine(_storage, "grains")));
        var http = api.CreateClient();

        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_external_cluster_mode_without_gateways_stops_start_up_naming_the_settings()
    {
        await using var api = new ConfiguredApiFactory(("Shop:Cluster:Mode", "External"));

        var failure = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        Assert.Contains("Shop:Cluster:Gateways", failure.Message);
        Assert.Contains("Shop:Cluster:Membership", failure.Message);
    }

    [Theory]
    [InlineData("Shop:Kubernetes:Enabled", "true")]
    [InlineData("Shop:Kubernetes:Enabled", "maybe")]
    [InlineData("Shop:Silo:ShutdownTimeout", "soon")]
    [InlineData("Orleans:Endpoints:SiloPort", "70000")]
    public async Task A_silo_setting_that_cannot_work_stops_start_up_naming_the_setting(string setting, string value)
    {
        await using var api = new ConfiguredApiFactory((setting, value));

        var failure = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        Assert.Contains(setting, failure.Message);
    }

    [Fact]
    public async Task An_unknown_cluster_mode_stops_start_up_naming_the_setting()
    {
        await using var api = new ConfiguredApiFactory(("Shop:Cluster:Mode", "Sideways"));

        var failure = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        Assert.Contains("Shop:Cluster:Mode", failure.Message);
    }

    private sealed class ConfiguredApiFactory(params (string Key, string Value)[] settings) : ShopApiFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings.ToDictionary(s => s.Key, s => s.Value);
    }
}
