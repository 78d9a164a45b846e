using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.Api.Tests;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 that answers 503 to its first <c>failures</c> requests and 200 afterwards,
/// recording every request's event id and signalling each event's first successful delivery.
/// </summary>
public sealed class WebhookListener(int failures) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _delivered = new();
    private WebApplication? _app;
    private int _requests;

    public ConcurrentQueue<(string EventId, int Status)> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", (HttpRequest request) =>
        {
            var eventId = request.Headers["X-Shop-Event-Id"].ToString();
            var status = Interlocked.Increment(ref _requests) <= failures ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            Requests.Enqueue((eventId, status));
            if (status == StatusCodes.Status200OK) Signal(eventId).TrySetResult();
            return Results.StatusCode(status);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(new Uri(address), "/hook");
    }

    /// <summary>Completes when <paramref name="eventId"/> was answered 200.</summary>
    public Task Delivered(string eventId) => Signal(eventId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public int SuccessesFor(string eventId) => Requests.Count(r => r.EventId == eventId && r.Status == 200);

    private TaskCompletionSource Signal(string eventId) =>
        _delivered.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
