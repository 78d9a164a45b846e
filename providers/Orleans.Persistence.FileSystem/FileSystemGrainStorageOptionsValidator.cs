using Microsoft.Extensions.Options;

namespace Orleans.Persistence.FileSystem;

/// <summary>Stops the silo at start when a provider has no usable directory, naming the provider and the setting.</summary>
internal sealed class FileSystemGrainStorageOptionsValidator : IValidateOptions<FileSystemGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, FileSystemGrainStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootDirectory))
            return ValidateOptionsResult.Fail($"File-system grain storage '{name}': {nameof(FileSystemGrainStorageOptions.RootDirectory)} must name a directory.");
        if (options.RootDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return ValidateOptionsResult.Fail($"File-system grain storage '{name}': {nameof(FileSystemGrainStorageOptions.RootDirectory)} '{options.RootDirectory}' is not a valid path.");
        return ValidateOptionsResult.Success;
    }
}
