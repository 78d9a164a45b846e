namespace Shop.Database;

/// <summary>
/// The PostgreSQL side of the shop's Orleans providers. Microsoft.Orleans.Clustering.AdoNet,
/// Microsoft.Orleans.Persistence.AdoNet and Microsoft.Orleans.Reminders.AdoNet ship no SQL: each reads its
/// statements from an <c>OrleansQuery</c> table at start and expects the tables and functions those statements
/// use. This library owns that schema as versioned migrations (embedded <c>Migrations/NNNN_name.sql</c>) and
/// applies them with <see cref="SchemaMigrator"/>.
/// </summary>
public static class ShopDatabase
{
    /// <summary>
    /// The ADO.NET invariant name to give every Orleans ADO.NET option (<c>Invariant</c>). Orleans' own
    /// default is SQL Server's. Orleans finds Npgsql by loading the "Npgsql" assembly and reading
    /// <c>NpgsqlFactory.Instance</c>: no <c>DbProviderFactories</c> registration is needed, but the Npgsql
    /// package must be deployed with the silo and the client.
    /// </summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>The minimum PostgreSQL major version the schema needs (UNIQUE NULLS NOT DISTINCT).</summary>
    public const int MinimumServerMajorVersion = 15;
}
