using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Persistence.FileSystem;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Hosting;

/// <summary>Registers file-system grain storage providers.</summary>
public static class FileSystemGrainStorageExtensions
{
    /// <summary>Adds a file-system grain storage named <paramref name="name"/>, configured by <paramref name="configure"/>.</summary>
    public static ISiloBuilder AddFileSystemGrainStorage(this ISiloBuilder builder, string name, Action<FileSystemGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddFileSystemGrainStorage(name, configure);
        return builder;
    }

    /// <summary>Adds a file-system grain storage named <paramref name="name"/>, configured by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddFileSystemGrainStorage(this IServiceCollection services, string name, Action<FileSystemGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddOptions<FileSystemGrainStorageOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileSystemGrainStorageOptions>, FileSystemGrainStorageOptionsValidator>());
        services.AddTransient<IPostConfigureOptions<FileSystemGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<FileSystemGrainStorageOptions>>();
        return services.AddGrainStorage(name, (provider, providerName) => new FileSystemGrainStorage(
            providerName,
            provider.GetRequiredService<IOptionsMonitor<FileSystemGrainStorageOptions>>().Get(providerName),
            provider.GetRequiredService<IActivatorProvider>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FileSystemGrainStorage>>()));
    }
}
