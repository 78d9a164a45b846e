using Granary;
using Granary.Catalog;
using Granary.Configuration;
using Granary.Diagnostics;
using Granary.Hosting;
using Granary.Invocation;
using Granary.Lifecycle;
using Granary.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Hosts a Granary silo in a .NET host, as <c>UseOrleans</c> does for Orleans.</summary>
public static class GranaryHostingExtensions
{
    /// <summary>Adds a silo to the application; grains are then callable through IGrainFactory / IClusterClient from DI.</summary>
    public static IHostApplicationBuilder UseGranary(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(AddSilo(builder.Services, builder.Configuration));
        return builder;
    }

    /// <summary>Adds a silo to a generic host.</summary>
    public static IHostBuilder UseGranary(this IHostBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.ConfigureServices((context, services) => configure(AddSilo(services, context.Configuration)));
    }

    private static SiloBuilder AddSilo(IServiceCollection services, Configuration.IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(SiloBuilderMarker)))
            throw new InvalidOperationException("UseGranary was called twice on the same host; configure the silo in one call.");
        services.AddSingleton<SiloBuilderMarker>();
        services.AddGranaryCore();
        services.AddMetrics();
        AddOptions<ClusterOptions, ClusterOptionsValidator>(services, ClusterOptions.SectionName);
        AddOptions<GrainCollectionOptions, GrainCollectionOptionsValidator>(services, GrainCollectionOptions.SectionName);

        services.TryAddSingleton<GrainClassRegistry>();
        services.TryAddSingleton<IGrainTypeResolver>(sp => sp.GetRequiredService<GrainClassRegistry>());
        services.TryAddSingleton<GrainActivator>();
        services.TryAddSingleton<ActivationShared>();
        services.TryAddSingleton<GrainCallInstruments>();
        services.TryAddSingleton<GrainCatalog>();
        services.TryAddSingleton<ActivationCollector>();
        services.AddClusterServices();
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<ActivationCollector>());
        services.AddSingleton<ISiloLifecycleParticipant, CatalogLifecycle>();
        services.AddSingleton<IIncomingGrainCallFilter, TracingIncomingCallFilter>();
        services.AddSingleton<IOutgoingGrainCallFilter, TracingOutgoingCallFilter>();
        services.AddHostedService<SiloHostedService>();
        return new SiloBuilder(services, configuration);
    }

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    private sealed class SiloBuilderMarker;
}
