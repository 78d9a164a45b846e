namespace Granary.AdoNet.Migrations;

/// <summary>A provider that needs the Granary schema in a database; the migrator handles each database once.</summary>
internal sealed record AdoNetSchemaUser(string Description, Func<AdoNetSchemaTarget> Resolve);

/// <summary>Where a provider's schema lives and whether this silo may migrate it.</summary>
internal sealed record AdoNetSchemaTarget(string ConnectionString, bool ApplyMigrations, Configuration.AdoNetResilienceOptions Resilience);
