extern alias ShopApi;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Shop.Observability.Dashboard;
using Shop.Observability.Telemetry;

namespace Shop.Telemetry.Tests;

/// <summary>A bad telemetry or dashboard setting stops the start-up with a message naming it.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Shop:Dashboard:Password", "short", "Shop:Dashboard:Password")]
    [InlineData("Shop:Dashboard:Path", "dashboard", "Shop:Dashboard:Path")]
    [InlineData("Shop:Dashboard:Path", "/dashboard/", "Shop:Dashboard:Path")]
    [InlineData("Shop:Dashboard:Username", " ", "Shop:Dashboard:Username")]
    [InlineData("Shop:Dashboard:LiveLog", "sometimes", "Shop:Dashboard:LiveLog")]
    public void Bad_dashboard_settings_are_refused_by_name(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => ShopDashboardOptions.Read(Settings(key, value)));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop:Telemetry:PrometheusPath", "metrics", "Shop:Telemetry:PrometheusPath")]
    [InlineData("Shop:Telemetry:Prometheus", "yes please", "Shop:Telemetry:Prometheus")]
    public void Bad_telemetry_settings_are_refused_by_name(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => ShopTelemetryOptions.Read(Settings(key, value)));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_password_means_one_is_generated_for_the_default_user()
    {
        var options = ShopDashboardOptions.Read(Settings("Shop:Dashboard:Enabled", "true"));
        Assert.Equal("admin", options.Username);
        Assert.Null(options.Password);
    }

    [Fact]
    public void The_API_does_not_start_with_a_too_short_dashboard_password()
    {
        using var api = new ApiWith("Shop:Dashboard:Password", "short");
        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Shop:Dashboard:Password", error.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

    private sealed class ApiWith(string key, string value) : WebApplicationFactory<ShopApi::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Shop:Storage:Provider", "Memory");
            // Refused too, later: should the password check ever let the host go on, it still binds no port.
            builder.UseSetting("Orleans:Endpoints:SiloPort", "0");
            builder.UseSetting(key, value);
        }
    }
}
