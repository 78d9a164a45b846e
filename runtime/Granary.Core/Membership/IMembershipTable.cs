namespace Granary.Membership;

/// <summary>
/// Where silos of one cluster record who they are and whether they are alive. All writes are
/// conditional (optimistic concurrency on the row ETag and on the table version), so concurrent
/// writers never lose each other's updates. Implementations: in memory (tests) and PostgreSQL.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Prepares the table (schema, the cluster's version row). Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Reads every row of this cluster and the table version in one consistent snapshot.</summary>
    Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a row and sets the table version to <paramref name="version"/>; false (nothing written) when the
    /// silo's row exists or the stored table version is not the one <paramref name="version"/> follows.
    /// </summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a row whose ETag is <paramref name="etag"/> and sets the table version; false (nothing written)
    /// on an ETag or version mismatch.
    /// </summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken);

    /// <summary>Updates only the I-am-alive time of the silo's row; unconditional and cheap.</summary>
    Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes rows of dead silos whose I-am-alive time is older than <paramref name="before"/>.</summary>
    Task CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes every row of the cluster (tests and tooling).</summary>
    Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken);
}
