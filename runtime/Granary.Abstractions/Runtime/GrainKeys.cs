using System.Globalization;

namespace Granary.Runtime;

/// <summary>Canonical string forms of grain keys, shared by references and activations.</summary>
public static class GrainKeys
{
    /// <summary>Canonical form of a Guid key.</summary>
    public static string FromGuid(Guid key) => key.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Canonical form of an integer key.</summary>
    public static string FromLong(long key) => key.ToString(CultureInfo.InvariantCulture);

    /// <summary>Canonical form of a compound key; the extension may contain any character.</summary>
    public static string Compound(string primary, string? extension) =>
        extension is null ? primary : primary + GrainId.KeyExtensionSeparator + extension;

    /// <summary>Splits a compound key into its primary part and its extension (null when absent).</summary>
    public static (string Primary, string? Extension) Split(string key)
    {
        var separator = key.IndexOf(GrainId.KeyExtensionSeparator, StringComparison.Ordinal);
        return separator < 0 ? (key, null) : (key[..separator], key[(separator + 1)..]);
    }

    /// <summary>Reads the primary part of a key as a Guid.</summary>
    public static Guid ToGuid(string key, out string? extension)
    {
        var (primary, ext) = Split(key);
        extension = ext;
        return Guid.TryParseExact(primary, "N", out var guid)
            ? guid
            : throw new InvalidOperationException($"Grain key '{key}' is not a Guid key.");
    }

    /// <summary>Reads the primary part of a key as a long.</summary>
    public static long ToLong(string key, out string? extension)
    {
        var (primary, ext) = Split(key);
        extension = ext;
        return long.TryParse(primary, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Grain key '{key}' is not an integer key.");
    }
}
