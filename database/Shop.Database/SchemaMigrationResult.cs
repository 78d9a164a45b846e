namespace Shop.Database;

/// <summary>What a <see cref="SchemaMigrator"/> run found and did.</summary>
/// <param name="Schema">The PostgreSQL schema migrated (the connection's current schema).</param>
/// <param name="PreviousVersion">The schema version before the run (0 for an empty schema).</param>
/// <param name="CurrentVersion">The schema version after the run.</param>
/// <param name="Applied">The migrations this run applied, in order; empty when the schema was up to date.</param>
public sealed record SchemaMigrationResult(
    string Schema, int PreviousVersion, int CurrentVersion, IReadOnlyList<SchemaMigration> Applied);
