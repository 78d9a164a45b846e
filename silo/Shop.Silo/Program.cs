using Microsoft.Extensions.Hosting;
using Shop.Silo;

// The shop's silo, configured from appsettings.json and the environment (Orleans__ClusterId, Shop__Storage__Provider, ...).
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => ShopSilo.Configure(silo, builder.Configuration));

using var host = builder.Build();
await host.RunAsync();
