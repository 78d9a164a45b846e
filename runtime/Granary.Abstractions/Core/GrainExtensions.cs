using Granary.Runtime;

namespace Granary;

/// <summary>Key accessors for grains and grain references, as in Orleans.</summary>
public static class GrainExtensions
{
    /// <summary>The identity of a grain, grain reference or observer reference.</summary>
    public static GrainId GetGrainId(this IAddressable addressable) => addressable switch
    {
        GrainReference reference => reference.GrainId,
        IGrainBase grain => grain.GrainContext.GrainId,
        _ => throw new ArgumentException($"{addressable.GetType().Name} is neither a grain nor a grain reference.", nameof(addressable)),
    };

    /// <summary>The string key.</summary>
    public static string GetPrimaryKeyString(this IAddressable addressable) => addressable.GetGrainId().Key;

    /// <summary>The Guid key.</summary>
    public static Guid GetPrimaryKey(this IAddressable addressable) => GrainKeys.ToGuid(addressable.GetGrainId().Key, out _);

    /// <summary>The Guid key and its string extension.</summary>
    public static Guid GetPrimaryKey(this IAddressable addressable, out string? keyExtension) =>
        GrainKeys.ToGuid(addressable.GetGrainId().Key, out keyExtension);

    /// <summary>The integer key.</summary>
    public static long GetPrimaryKeyLong(this IAddressable addressable) => GrainKeys.ToLong(addressable.GetGrainId().Key, out _);

    /// <summary>The integer key and its string extension.</summary>
    public static long GetPrimaryKeyLong(this IAddressable addressable, out string? keyExtension) =>
        GrainKeys.ToLong(addressable.GetGrainId().Key, out keyExtension);
}
