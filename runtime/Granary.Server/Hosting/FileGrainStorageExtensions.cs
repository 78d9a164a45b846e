using Granary.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Hosting;

/// <summary>Durable grain storage in local files, for development and single-machine deployments.</summary>
public static class FileGrainStorageExtensions
{
    /// <summary>
    /// Adds a grain storage under <paramref name="name"/> that keeps each grain state in a file below
    /// <paramref name="directory"/> (created when missing), so state survives a restart of the process.
    /// One process at a time may use a directory.
    /// </summary>
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder builder, string name, string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new FileGrainStorage(directory));
        return builder;
    }
}
