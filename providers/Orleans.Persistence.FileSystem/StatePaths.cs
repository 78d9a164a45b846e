using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;

namespace Orleans.Persistence.FileSystem;

/// <summary>
/// Where a grain's state file lives: <c>{root}/{state name}/{grain type}/{key}.state</c>. Names made only of safe
/// characters are kept readable (prefix <c>k-</c>); anything else (slashes, dots at the start, very long keys) is
/// replaced by its SHA-256 (prefix <c>h-</c>), so no key can escape the directory or collide with another.
/// </summary>
internal static class StatePaths
{
    private const int MaxReadableLength = 100;

    public static string For(string root, string stateName, GrainId grainId) =>
        Path.Combine(root, SafeName(stateName), SafeName(grainId.Type.ToString()!), SafeName(grainId.Key.ToString()!) + ".state");

    internal static string SafeName(string name) =>
        name.Length is > 0 and <= MaxReadableLength && name.All(IsSafe)
            ? "k-" + name
            : "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
