using Microsoft.Extensions.Hosting;
using Shop.Silo;
using Shop.Silo.Cluster;

// The shop's silo, configured from appsettings.json and the environment (Orleans__ClusterId, Shop__Storage__Provider, ...).
var builder = Host.CreateApplicationBuilder(args);

// "migrate": bring the configured PostgreSQL schema up to date and exit (run once, e.g. as a Kubernetes Job).
if (args is [ShopSchema.MigrateCommand, ..]) return await ShopSchema.RunMigrateCommandAsync(builder.Configuration, Console.Out);

builder.UseOrleans(silo => ShopSilo.Configure(silo, builder.Configuration));

using var host = builder.Build();
await host.RunAsync();
return 0;
