using System.Net.Sockets;
using Npgsql;
using Polly.Timeout;

namespace Granary.AdoNet.Database;

/// <summary>Which database failures are worth retrying: the server or the network went away, or an attempt timed out.</summary>
internal static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || IsTransientState(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        TimeoutRejectedException or TimeoutException => true,
        _ => false,
    };

    /// <summary>True when the connection itself broke, so other pooled connections are likely broken too.</summary>
    public static bool IsConnectionLoss(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException npgsql => npgsql.InnerException is IOException or SocketException,
        _ => false,
    };

    // Connection exceptions (08), shutdown or restart of the server (57P0x), too many connections,
    // serialization failures and deadlocks: the same statement can succeed on a new attempt.
    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01";
}
