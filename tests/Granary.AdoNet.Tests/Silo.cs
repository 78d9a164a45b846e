using Granary.Hosting;
using Granary.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.AdoNet.Tests;

/// <summary>Test clusters whose grain state ("pg") and reminders live in a PostgreSQL schema.</summary>
internal static class Silo
{
    public static TestClusterOptions Options(string connectionString, string serviceId, Probe? probe = null, ManualTimeProvider? time = null, bool reminders = false)
    {
        var options = new TestClusterOptions
        {
            TimeProvider = time,
            ConfigureSilo = silo =>
            {
                silo.AddAdoNetGrainStorage("pg");
                if (reminders) silo.UseAdoNetReminderService();
            },
            ConfigureServices = services => services.AddSingleton(probe ?? new Probe()),
        };
        options.Configuration["Granary:ServiceId"] = serviceId;
        options.Configuration["Granary:Storage:pg:ConnectionString"] = connectionString;
        options.Configuration["Granary:Reminders:AdoNet:ConnectionString"] = connectionString;
        options.Configuration["Granary:Reminders:MinimumReminderPeriod"] = "00:00:05";
        return options;
    }
}
