using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Persistence.FileSystem.Tests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_provider_without_a_directory_fails_naming_the_provider_and_the_setting(string directory)
    {
        using var services = new ServiceCollection()
            .AddSerializer()
            .AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>()
            .AddFileSystemGrainStorage("shop", o => o.RootDirectory = directory)
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<FileSystemGrainStorageOptions>>().Get("shop"));

        Assert.Contains("'shop'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(FileSystemGrainStorageOptions.RootDirectory), failure.Message, StringComparison.Ordinal);
    }
}
