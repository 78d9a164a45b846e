namespace Granary.AdoNet.Membership;

/// <summary>The statements of the membership table; $1 is always the cluster id, $2-$4 a silo's host, port and generation.</summary>
internal static class MembershipSql
{
    private const string Key = "cluster_id = $1 AND host = $2 AND port = $3 AND generation = $4";

    /// <summary>$2 the first version row's ETag. Repeating it is harmless.</summary>
    public const string Initialize =
        "INSERT INTO granary_membership_version (cluster_id, version, etag) VALUES ($1, 0, $2) ON CONFLICT (cluster_id) DO NOTHING";

    /// <summary>The version row and every row in one statement, hence one snapshot; no row: a row of nulls after the version.</summary>
    public const string ReadAll =
        "SELECT v.version, v.etag, m.host, m.port, m.generation, m.status, m.suspecters, m.suspect_times, m.start_time, m.i_am_alive," +
        " m.silo_name, m.host_name, m.is_gateway, m.etag" +
        " FROM granary_membership_version v LEFT JOIN granary_membership m ON m.cluster_id = v.cluster_id WHERE v.cluster_id = $1";

    /// <summary>
    /// $2 the new version, $3 the ETag the writer read, $4 the new ETag. Locks the version row first, so every
    /// membership writer of the cluster queues here and a second one finds the version moved on.
    /// </summary>
    public const string AdvanceVersion =
        "UPDATE granary_membership_version SET version = $2, etag = $4, modified_at = now() WHERE cluster_id = $1 AND version = $2 - 1 AND etag = $3";

    /// <summary>$5 status ... $13 the new ETag.</summary>
    public const string InsertRow =
        "INSERT INTO granary_membership (cluster_id, host, port, generation, status, suspecters, suspect_times, start_time, i_am_alive, silo_name, host_name, is_gateway, etag)" +
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (cluster_id, host, port, generation) DO NOTHING";

    /// <summary>$5 status ... $13 the new ETag, $14 the ETag the writer read.</summary>
    public const string UpdateRow =
        "UPDATE granary_membership SET status = $5, suspecters = $6, suspect_times = $7, start_time = $8, i_am_alive = $9," +
        " silo_name = $10, host_name = $11, is_gateway = $12, etag = $13 WHERE " + Key + " AND etag = $14";

    /// <summary>$5 the row's ETag after a write whose outcome was lost with its connection.</summary>
    public const string RowHasETag = "SELECT EXISTS (SELECT 1 FROM granary_membership WHERE " + Key + " AND etag = $5)";

    /// <summary>$5 the time; never moves it back, so a delayed retry cannot make a live silo look stale.</summary>
    public const string UpdateIAmAlive = "UPDATE granary_membership SET i_am_alive = greatest(i_am_alive, $5) WHERE " + Key;

    /// <summary>$2 the cutoff. Status 4 is Dead.</summary>
    public const string CleanupDefunct = "DELETE FROM granary_membership WHERE cluster_id = $1 AND status = 4 AND i_am_alive < $2";

    public const string DeleteRows = "DELETE FROM granary_membership WHERE cluster_id = $1";
}
