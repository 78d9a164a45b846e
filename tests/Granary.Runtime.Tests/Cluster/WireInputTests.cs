using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using Granary.Networking;
using Granary.Runtime.Tests.Grains;
using Granary.Testing;

namespace Granary.Runtime.Tests.Cluster;

/// <summary>Hostile or broken peers on the silo port: only their connection suffers; the silo keeps serving.</summary>
public sealed class WireInputTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(ClusterFixture.Options(new Probe()));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Random_bytes_close_the_connection_and_the_silo_keeps_serving()
    {
        var random = new Random(42);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var garbage = new byte[random.Next(1, 4096)];
            random.NextBytes(garbage);
            using var socket = await ConnectAsync();
            await socket.SendAsync(garbage);
            await AssertClosedAsync(socket);
        }

        await AssertSiloServesAsync();
    }

    [Fact]
    public async Task An_oversized_frame_length_closes_the_connection_without_buffering()
    {
        using var socket = await ConnectAsync();
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, int.MaxValue);
        await socket.SendAsync(header);
        await AssertClosedAsync(socket);
        await AssertSiloServesAsync();
    }

    [Fact]
    public async Task A_truncated_frame_followed_by_a_hang_up_harms_nothing()
    {
        using (var socket = await ConnectAsync())
        {
            var frame = new byte[14];
            BinaryPrimitives.WriteInt32LittleEndian(frame, 100);
            await socket.SendAsync(frame);
        }

        await AssertSiloServesAsync();
    }

    [Fact]
    public async Task A_peer_of_another_cluster_is_refused_with_the_reason()
    {
        using var socket = await ConnectAsync();
        var pipe = new NetworkStream(socket);
        var writer = PipeWriter.Create(pipe);
        await Handshake.SendAsync(writer, new Hello("some-other-cluster", Handshake.ProtocolVersion, PeerKind.Client, null, "intruder"), CancellationToken.None);
        var welcome = await Handshake.ReceiveWelcomeAsync(PipeReader.Create(pipe), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(welcome.Accepted);
        Assert.Contains("some-other-cluster", welcome.Reason);
        await AssertClosedAsync(socket);
        await AssertSiloServesAsync();
    }

    [Fact]
    public async Task Garbage_after_a_valid_handshake_closes_only_that_connection()
    {
        using var socket = await ConnectAsync();
        var pipe = new NetworkStream(socket);
        await Handshake.SendAsync(PipeWriter.Create(pipe), new Hello("dev", Handshake.ProtocolVersion, PeerKind.Client, null, "fuzzer"), CancellationToken.None);
        var welcome = await Handshake.ReceiveWelcomeAsync(PipeReader.Create(pipe), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(welcome.Accepted);

        var frame = new byte[4 + 64];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 64);
        new Random(7).NextBytes(frame.AsSpan(4));
        await socket.SendAsync(frame);
        await AssertClosedAsync(socket);
        await AssertSiloServesAsync();
    }

    private async Task<Socket> ConnectAsync()
    {
        var address = _cluster.Primary.Address;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        return socket;
    }

    private static async Task AssertClosedAsync(Socket socket)
    {
        var buffer = new byte[4096];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            // Drain whatever the silo says (a refusal, say) until it hangs up.
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // A reset is a close too.
        }
    }

    private async Task AssertSiloServesAsync() =>
        Assert.Equal(3, await _cluster.GrainFactory.GetGrain<ICounterGrain>($"after-garbage-{Guid.NewGuid():N}").Add(3));
}
