using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.Runtime;

namespace Shop.Testing;

/// <summary>Puts what grains see of time on a fake clock, leaving the runtime on the real one.</summary>
public static class GrainClock
{
    /// <summary>
    /// The <see cref="TimeProvider"/> grains and their services inject (Polly's delays and breaker among them) is
    /// <paramref name="time"/>. With <paramref name="timersToo"/>, grain timers and reminders follow it as well; but
    /// Orleans' stream pulling agents poll on the grains' clock too, so stream deliveries then wait for the test to
    /// advance it. Membership, messaging, the directory and system timers always keep the real clock, so advancing
    /// the fake one by minutes never makes a silo look dead or a call time out.
    /// </summary>
    public static IServiceCollection UseFakeClockForGrains(this IServiceCollection services, FakeTimeProvider time, bool timersToo = true)
    {
        services.AddSingleton<TimeProvider>(time);
        var timers = timersToo ? time : TimeProvider.System;
        services.AddKeyedSingleton(TimeProviderNames.Grains, timers);
        services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, timers);
        foreach (var area in (string[])[TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
                     TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory])
        {
            services.AddKeyedSingleton(area, TimeProvider.System);
        }

        return services;
    }
}
