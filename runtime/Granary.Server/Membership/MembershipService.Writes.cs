namespace Granary.Membership;

internal sealed partial class MembershipService
{
    // Each attempt re-reads, so some writer always makes progress; ten lost races in a row means a hot table.
    private const int MaxWriteAttempts = 10;

    private enum WriteOutcome
    {
        Written,
        NothingToDo,
        GaveUp,
    }

    /// <summary>
    /// Applies one conditional change: <paramref name="decide"/> computes the row to write from a read of the
    /// table (null: nothing to do), the write presents the row's ETag and the next table version, and a lost
    /// race re-reads and decides again. A successful write is re-read, published and gossiped.
    /// </summary>
    private async Task<WriteOutcome> WriteAsync(string change, Func<MembershipTableData, TableWrite?> decide, bool readFirst, CancellationToken cancellationToken)
    {
        var data = !readFirst && Latest is { } latest ? latest : await ReadAsync(cancellationToken);
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (attempt > 1) data = await ReadAsync(cancellationToken);
            if (decide(data) is not { } write) return WriteOutcome.NothingToDo;
            var version = data.Version.Next();
            var written = write.ETag is null
                ? await _table.InsertRowAsync(write.Entry, version, cancellationToken)
                : await _table.UpdateRowAsync(write.Entry, write.ETag, version, cancellationToken);
            if (written)
            {
                Gossip(await ReadAsync(cancellationToken));
                return WriteOutcome.Written;
            }

            LogWriteConflict(change, attempt);
        }

        LogWriteGaveUp(change, MaxWriteAttempts);
        return WriteOutcome.GaveUp;
    }

    /// <summary>Tells the other live silos to re-read now rather than at their next refresh.</summary>
    private void Gossip(MembershipTableData data)
    {
        var others = data.Rows.Where(r => r.Entry.Status != SiloStatus.Dead && r.Entry.Silo != Silo).Select(r => r.Entry.Silo).ToList();
        if (others.Count == 0) return;
        try
        {
            _gossip.NotifyChanged(others);
        }
        catch (Exception exception)
        {
            // Gossip only speeds convergence up; the periodic refresh still brings everyone the change.
            LogGossipFailed(exception);
        }
    }

    /// <summary>A row to write: an update presenting <see cref="ETag"/>, or an insert when it is null.</summary>
    private sealed record TableWrite(MembershipEntry Entry, string? ETag);
}
