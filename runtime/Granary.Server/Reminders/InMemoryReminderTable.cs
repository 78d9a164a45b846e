using System.Globalization;
using Granary.Runtime;

namespace Granary.Reminders;

/// <summary>A reminder table in process memory, for tests and development: reminders do not survive the process.</summary>
internal sealed class InMemoryReminderTable : IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> _rows = [];
    private long _version;

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values.Where(r => r.GrainId == grainId)]);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint firstHash, uint lastHash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(
                [.. _rows.Values.Where(r => r.GrainId.GetUniformHashCode() is var hash && hash >= firstHash && hash <= lastHash)]);
        }
    }

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_rows.GetValueOrDefault((grainId, reminderName)));
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var eTag = (++_version).ToString(CultureInfo.InvariantCulture);
            _rows[(entry.GrainId, entry.ReminderName)] = entry with { ETag = eTag };
            return Task.FromResult(eTag);
        }
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (grainId, reminderName);
            var removed = _rows.TryGetValue(key, out var row) && row.ETag == eTag && _rows.Remove(key);
            return Task.FromResult(removed);
        }
    }
}
