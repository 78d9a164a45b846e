using System.Data.Common;

namespace Shop.Silo.Storage;

/// <summary>Tells a database that is out of reach for now from a fault that retrying cannot cure (a missing table, a bad query).</summary>
internal static class TransientDatabaseFailures
{
    /// <summary>The transient database failure in <paramref name="exception"/>'s chain, or null.</summary>
    public static DbException? Find(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException database && IsTransient(database)) return database;
        }

        return null;
    }

    /// <summary>
    /// What the driver calls transient (a refused or lost connection), and the SQLSTATEs of a server that is going
    /// away or coming back: connection errors (class 08), out of connections or resources (class 53), and shutting
    /// down or starting up (57P01-57P03; Npgsql does not count 57P03, "starting up", as transient).
    /// </summary>
    public static bool IsTransient(DbException exception) =>
        exception.IsTransient || exception.SqlState is { } state
            && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03");
}
