using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shop.Testing.Ports;

namespace Shop.Api.Tests;

/// <summary>
/// Bodies over the limit sent with a Content-Length and no <c>Expect: 100-continue</c>, over a real Kestrel socket
/// (the in-memory test server cannot reset a connection): the sender writes its whole body and still reads a 413.
/// </summary>
public sealed class OversizedBodyTests : IAsyncLifetime
{
    private readonly ShopApiFactory _api = new();
    private readonly int _port = FreePorts.Next();

    public Task InitializeAsync()
    {
        _api.UseKestrel(_port);
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(5_000_000)]
    public async Task A_raw_client_that_writes_its_whole_body_first_reads_a_413_problem(int size)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _port);
        var head = "POST /api/v1/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
                   $"Content-Length: {size.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        await socket.SendAsync(new byte[size]);

        var response = await ReadResponseHeadAsync(socket);

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(5_000_000)]
    public async Task HttpClient_without_expect_continue_gets_a_413_problem(int size)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = new ByteArrayContent(new byte[size]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.ExpectContinue = false;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"body\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Reads until the end of the response's header block; a reset connection fails the test with its SocketException.</summary>
    private static async Task<string> ReadResponseHeadAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(30));
            if (read == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
