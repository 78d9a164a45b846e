using System.Collections.Concurrent;
using Shop.Notifications;

namespace Shop.Grains.Tests;

/// <summary>A webhook transport that records every request and answers with the status the test chose for its URL.</summary>
public sealed class RecordingTransport : IWebhookTransport
{
    private readonly ConcurrentDictionary<Uri, TaskCompletionSource> _received = new();
    private readonly ConcurrentDictionary<Uri, int> _statuses = new();

    public ConcurrentQueue<(Uri Url, string EventId)> Requests { get; } = new();

    public Task<int> PostAsync(Uri url, string eventId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        Requests.Enqueue((url, eventId));
        Received(url).TrySetResult();
        return Task.FromResult(_statuses.GetValueOrDefault(url, 200));
    }

    /// <summary>Answers every request to <paramref name="url"/> with <paramref name="status"/> instead of 200.</summary>
    public void Answer(Uri url, int status) => _statuses[url] = status;

    /// <summary>Completes once a request reached <paramref name="url"/>.</summary>
    public Task FirstRequest(Uri url) => Received(url).Task.WaitAsync(TimeSpan.FromSeconds(15));

    public int CountFor(Uri url, string eventId) => Requests.Count(r => r.Url == url && r.EventId == eventId);

    private TaskCompletionSource Received(Uri url) =>
        _received.GetOrAdd(url, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
