using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.Database;
using Shop.Observability.Dashboard;

namespace Shop.Telemetry.Tests;

/// <summary>
/// A dashboard login on one host is good on every host of the cluster, and after a restart: the cookies' Data
/// Protection keys live in the cluster's PostgreSQL, under one application name. Without it each host protects
/// cookies for itself alone (its content root names it), and in a container its keys die with it.
/// </summary>
public sealed class DashboardKeyRingTests : IAsyncLifetime
{
    private const string Password = "key-ring-test-password";
    private readonly string _schema = $"keys_{Guid.NewGuid():N}"[..16];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SHOP_TEST_POSTGRES is not set: run the tests through ./test.sh (it starts PostgreSQL).");
        await ExecuteAsync(server, $"CREATE SCHEMA {_schema}");
        _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ConnectionString;
        await SchemaMigrator.MigrateAsync(_connectionString);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES")!, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }

    [Fact]
    public async Task A_login_on_one_host_is_good_on_another_and_after_a_restart()
    {
        string cookie;
        await using (var first = await DashboardHost.StartAsync(ClusterSettings()))
        {
            cookie = await first.LogInAsync();
        }

        await using var second = await DashboardHost.StartAsync(ClusterSettings());
        Assert.Equal(HttpStatusCode.OK, await second.ProbeAsync(cookie));
        Assert.True(await KeysStoredAsync() > 0, "no key in the cluster's database");
    }

    [Fact]
    public async Task Without_the_clusters_database_a_host_refuses_another_hosts_cookie()
    {
        var alone = new Dictionary<string, string?> { ["Shop:Dashboard:Password"] = Password };
        await using var first = await DashboardHost.StartAsync(alone);
        await using var second = await DashboardHost.StartAsync(alone);
        var cookie = await first.LogInAsync();

        Assert.Equal(HttpStatusCode.OK, await first.ProbeAsync(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await second.ProbeAsync(cookie));
    }

    private async Task<long> KeysStoredAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM shop_data_protection_key", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Dictionary<string, string?> ClusterSettings() => new()
    {
        ["Shop:Dashboard:Password"] = Password,
        ["Shop:Cluster:Membership"] = "AdoNet",
        ["Shop:Cluster:ConnectionString"] = _connectionString,
    };

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A web host with the dashboard's login and one endpoint behind its policy, in place of the dashboard itself.</summary>
    private sealed class DashboardHost(WebApplication app, HttpClient http, string contentRoot) : IAsyncDisposable
    {
        public static async Task<DashboardHost> StartAsync(Dictionary<string, string?> settings)
        {
            // A content root of its own, as a silo and an API (or two pods) have.
            var contentRoot = Directory.CreateTempSubdirectory("shop-dashboard-host-").FullName;
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.AddShopDashboardAccess();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapDashboardLogin("/dashboard");
            app.MapGet("/dashboard/probe", () => Results.Ok()).RequireAuthorization(ShopDashboard.PolicyName);
            await app.StartAsync();
            var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
            return new DashboardHost(app, http, contentRoot);
        }

        /// <summary>Logs in through the form and returns the cookie it set.</summary>
        public async Task<string> LogInAsync()
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = Password });
            using var response = await http.PostAsync("/dashboard/login", form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("shop.dashboard=", StringComparison.Ordinal)).Split(';')[0];
        }

        public async Task<HttpStatusCode> ProbeAsync(string cookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/probe");
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.DisposeAsync();
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
