namespace Shop.Database;

/// <summary>One versioned migration of the schema, as embedded in this assembly.</summary>
/// <param name="Version">The version the schema is at once this migration has been applied (1, 2, ...).</param>
/// <param name="Name">The migration's name, from its file name (<c>0002_grain_state.sql</c> is "grain_state").</param>
/// <param name="Checksum">SHA-256 of the script, recorded when applied; a mismatch later means the script was edited.</param>
public sealed record SchemaMigration(int Version, string Name, string Checksum)
{
    internal string Sql { get; init; } = "";
}
