namespace Granary.Storage;

/// <summary>Well-known grain storage names.</summary>
public static class GrainStorageNames
{
    /// <summary>The storage used by [PersistentState] without a storage name.</summary>
    public const string Default = "Default";
}
