using Orleans.Runtime;

namespace Orleans.Persistence.FileSystem;

/// <summary>A state file exists but cannot be what this provider wrote: truncated, overwritten or from another format.</summary>
[GenerateSerializer]
[Alias("orleans.persistence.filesystem.CorruptStateFileException")]
public sealed class CorruptStateFileException : OrleansException
{
    /// <summary>Creates the exception for the file at <paramref name="path"/>.</summary>
    public CorruptStateFileException(string path, string problem)
        : base($"The grain state file '{path}' is corrupt: {problem}. Restore it from a backup, or delete it to start that grain with empty state.")
    {
        Path = path;
    }

    /// <summary>The file that could not be read.</summary>
    [Id(0)]
    public string Path { get; private set; }
}
