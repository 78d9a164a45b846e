using Granary.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Silo;

// The shop's silo: configured from appsettings.json and the environment (Granary__ClusterId, Shop__Storage__Directory, Logging__...).
var builder = Host.CreateApplicationBuilder(args);
builder.UseGranary(silo =>
{
    ShopSilo.Configure(silo, builder.Configuration);
    silo.Services.AddSingleton<ISiloLifecycleParticipant, SiloStartupReport>();
});

using var host = builder.Build();
await host.RunAsync();
