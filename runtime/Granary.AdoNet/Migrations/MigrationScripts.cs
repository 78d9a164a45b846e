using System.Globalization;

namespace Granary.AdoNet.Migrations;

/// <summary>A schema migration embedded in the assembly: <c>NNNN_description.sql</c> brings the schema to version NNNN.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql);

/// <summary>The embedded migration scripts, in version order.</summary>
internal static class MigrationScripts
{
    private const string Prefix = "Granary.AdoNet.Migrations.";

    private static readonly Lazy<IReadOnlyList<MigrationScript>> Scripts = new(Load);

    public static IReadOnlyList<MigrationScript> All => Scripts.Value;

    /// <summary>The newest schema version this build understands.</summary>
    public static int LatestVersion => All[^1].Version;

    private static IReadOnlyList<MigrationScript> Load()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1) throw new InvalidOperationException($"Embedded migration {scripts[i].Name} breaks the sequence: expected version {i + 1}.");
        }

        return scripts;
    }
}
