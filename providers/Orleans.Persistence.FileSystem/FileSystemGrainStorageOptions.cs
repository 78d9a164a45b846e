using Orleans.Storage;

namespace Orleans.Persistence.FileSystem;

/// <summary>Options of a file-system grain storage provider.</summary>
public sealed class FileSystemGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>
    /// The directory the state files live below; created when missing. Relative paths resolve against the
    /// process's working directory. Required.
    /// </summary>
    public string RootDirectory { get; set; } = "";

    /// <summary>How state is turned into bytes. Default: the silo's <see cref="IGrainStorageSerializer"/>.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
