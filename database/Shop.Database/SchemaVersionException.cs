namespace Shop.Database;

/// <summary>
/// The database's schema cannot be migrated by this code: it is newer than the latest migration this code
/// knows (an older build pointed at an upgraded database), or an applied migration's script has changed since.
/// </summary>
public sealed class SchemaVersionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="databaseVersion">The version recorded in the database.</param>
    /// <param name="knownVersion">The latest version this code knows.</param>
    public SchemaVersionException(string message, int databaseVersion, int knownVersion)
        : base(message)
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    /// <summary>The version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The latest version this code knows.</summary>
    public int KnownVersion { get; }
}
