using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Persistence.FileSystem.Tests;

/// <summary>A file-system storage over a fresh temporary directory, with Orleans' own serializer and activators.</summary>
public sealed class StorageUnderTest : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "filesystem-storage-" + Guid.NewGuid().ToString("N"));

    /// <summary>A new provider over the same directory: what a restarted silo gets.</summary>
    public IGrainStorage Open()
    {
        var options = new FileSystemGrainStorageOptions
        {
            RootDirectory = Root,
            GrainStorageSerializer = new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()),
        };
        return new FileSystemGrainStorage("test", options, _services.GetRequiredService<IActivatorProvider>(), NullLogger<FileSystemGrainStorage>.Instance);
    }

    public static GrainId Grain(string key) => GrainId.Create("cart", key);

    public string[] StateFiles() => Directory.Exists(Root) ? Directory.GetFiles(Root, "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

[GenerateSerializer]
public sealed class CartState
{
    [Id(0)]
    public List<string> Items { get; set; } = [];
}
