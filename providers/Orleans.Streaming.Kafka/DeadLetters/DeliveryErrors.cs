using System.Collections.Concurrent;

namespace Orleans.Streaming.Kafka.DeadLetters;

/// <summary>
/// The last error of each failing delivery, seen by <see cref="DeliveryErrorFilter"/> on the delivering silo: the
/// pulling agent tells the failure handler only that delivery failed, and a dead letter should say why.
/// </summary>
internal sealed class DeliveryErrors
{
    private const int Limit = 10_000;
    private readonly ConcurrentDictionary<(Guid Subscription, long Offset), string> _errors = new();

    public void Record(Guid subscription, long offset, Exception exception)
    {
        // Bounded: errors of deliveries that later succeeded are never taken; forget them all rather than grow.
        if (_errors.Count >= Limit) _errors.Clear();
        _errors[(subscription, offset)] = $"{exception.GetType().FullName}: {exception.Message}";
    }

    public string? Take(Guid subscription, long offset) => _errors.TryRemove((subscription, offset), out var error) ? error : null;
}
