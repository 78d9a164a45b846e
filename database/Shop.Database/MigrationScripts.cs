using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Shop.Database;

/// <summary>Loads the embedded <c>Migrations/NNNN_name.sql</c> scripts, ordered and checked for gaps.</summary>
internal static partial class MigrationScripts
{
    private const string Prefix = "Shop.Database.Migrations.";

    public static IReadOnlyList<SchemaMigration> All { get; } = Load();

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();

    private static SchemaMigration[] Load()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(m => m.Version)
            .ToArray();
        for (var i = 0; i < migrations.Length; i++)
        {
            // Versions are the positions 1..n: a gap or a duplicate is a packaging mistake, not a schema state.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Embedded migrations must be numbered 1..n without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static SchemaMigration Read(Assembly assembly, string resourceName)
    {
        var fileName = resourceName[Prefix.Length..];
        var match = FileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Embedded migration '{fileName}' is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded migration '{fileName}' cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        // Line endings are normalised so a checkout with CRLF does not look like an edited script.
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new SchemaMigration(
            int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, checksum)
        {
            Sql = sql,
        };
    }
}
