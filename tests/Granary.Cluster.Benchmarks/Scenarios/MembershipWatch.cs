using Granary.Cluster.Tests;
using Npgsql;

namespace Granary.Cluster.Benchmarks.Scenarios;

/// <summary>
/// Reads the PostgreSQL membership table over a run and keeps every suspicion vote and every death it saw. Votes
/// expire and are dropped from rows, so the table is polled often and votes are collected as they appear.
/// </summary>
internal sealed class MembershipWatch(string clusterId) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(Postgres.ConnectionString);
    private readonly HashSet<(int Port, long Generation, string Suspecter, DateTime At)> _votes = [];
    private readonly HashSet<(int Port, long Generation)> _dead = [];

    public int Votes => _votes.Count;

    /// <summary>Polls that could not read the table (the shared PostgreSQL busy or restarting); the next one reads again.</summary>
    public int SkippedPolls { get; private set; }

    /// <summary>Silos (port, generation) whose row was ever seen Dead.</summary>
    public IReadOnlyCollection<(int Port, long Generation)> Dead => _dead;

    public IReadOnlyCollection<(int Port, long Generation, string Suspecter, DateTime At)> VoteLog => _votes;

    /// <summary>The rows as last read.</summary>
    public IReadOnlyList<MembershipRow> Rows { get; private set; } = [];

    public async Task PollAsync()
    {
        try
        {
            await ReadAsync();
        }
        catch (NpgsqlException)
        {
            SkippedPolls++;
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task ReadAsync()
    {
        await using var command = _source.CreateCommand(
            "SELECT port, generation, status, suspecters, suspect_times FROM granary_membership WHERE cluster_id = $1");
        command.Parameters.AddWithValue(clusterId);
        var rows = new List<MembershipRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new MembershipRow(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt16(2));
            rows.Add(row);
            if (row.Status == MembershipRow.Dead) _dead.Add((row.Port, row.Generation));
            var suspecters = reader.GetFieldValue<string[]>(3);
            var times = reader.GetFieldValue<DateTime[]>(4);
            for (var i = 0; i < Math.Min(suspecters.Length, times.Length); i++) _votes.Add((row.Port, row.Generation, suspecters[i], times[i]));
        }

        Rows = rows;
    }
}
