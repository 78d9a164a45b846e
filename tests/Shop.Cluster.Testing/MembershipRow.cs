using Npgsql;

namespace Shop.Cluster.Testing;

/// <summary>A row of Orleans' membership table as the schema stores it (status is Orleans' SiloStatus number).</summary>
public sealed record MembershipRow(string Address, int Port, int Generation, int Status, string? SuspectTimes, DateTime IAmAlive)
{
    public const int Joining = 2;
    public const int Active = 3;
    public const int ShuttingDown = 4;
    public const int Dead = 6;

    public static async Task<IReadOnlyList<MembershipRow>> ReadAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT address, port, generation, status, suspect_times, i_am_alive_time FROM orleans_membership WHERE deployment_id = @cluster",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MembershipRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetDateTime(5)));
        }

        return rows;
    }
}
