using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Shop.Observability.Dashboard;
using Shop.Observability.Telemetry;
using Shop.Silo;
using Shop.Silo.Cluster;

// The shop's silo, configured from appsettings.json and the environment (Orleans__ClusterId, Shop__Storage__Provider, ...).
// It is also a small web host on its admin port (Shop:Admin:Port): health probes, the dashboard and metrics, never the shop's API.
var builder = WebApplication.CreateBuilder(args);

// "migrate": bring the configured PostgreSQL schema up to date and exit (run once, e.g. as a Kubernetes Job or init container).
if (args is [ShopSchema.MigrateCommand, ..]) return await ShopSchema.RunMigrateCommandAsync(builder.Configuration, Console.Out);

builder.AddShopTelemetry("shop-silo");
builder.AddShopDashboardAccess();
builder.AddSiloAdmin();
builder.UseOrleans(silo => ShopSilo.Configure(silo, builder.Configuration));

var app = builder.Build();
app.MapSiloAdmin();
app.MapShopTelemetry();
app.MapShopDashboard();
await app.RunAsync();
return 0;
