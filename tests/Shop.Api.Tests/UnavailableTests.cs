extern alias ShopApi;

using System.Net;
using System.Net.Sockets;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using Shop.Silo.Storage;
using Shop.Storage;
using ShopApi::Shop.Api.Problems;

namespace Shop.Api.Tests;

/// <summary>
/// A database out of reach is reported by the silos as <see cref="StorageUnavailableException"/> and answered by the
/// API with 503 and Retry-After; a fault in the shop or a broken query stays a 500.
/// </summary>
public sealed class UnavailableTests
{
    private static readonly GrainId Grain = GrainId.Create("wallet", "w1");

    [Fact]
    public async Task A_database_that_refuses_connections_makes_every_storage_operation_unavailable()
    {
        var refused = new OrleansException("Error from storage provider.", await RealConnectionFailureAsync());
        var storage = new TransientFailureTranslation(new FailingStorage(refused), "shop");
        var state = new GrainState<int>();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadStateAsync("wallet", Grain, state));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteStateAsync("wallet", Grain, state));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ClearStateAsync("wallet", Grain, state));
    }

    [Fact]
    public async Task A_database_starting_up_after_a_crash_is_unavailable()
    {
        var startingUp = new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03");
        var storage = new TransientFailureTranslation(new FailingStorage(startingUp), "shop");

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadStateAsync("wallet", Grain, new GrainState<int>()));
        Assert.Contains("57P03", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_query_is_not_unavailable_and_passes_through_unchanged()
    {
        var missingTable = new PostgresException("relation \"storage\" does not exist", "ERROR", "ERROR", "42P01");
        var storage = new TransientFailureTranslation(new FailingStorage(missingTable), "shop");

        Assert.Same(missingTable, await Assert.ThrowsAsync<PostgresException>(() => storage.WriteStateAsync("wallet", Grain, new GrainState<int>())));
    }

    [Fact]
    public void The_API_answers_unavailable_for_storage_out_of_reach_and_for_grain_calls_that_timed_out_or_lost_their_silo()
    {
        var storageDown = new StorageUnavailableException("down");
        Assert.Same(storageDown, UnavailableExceptionHandler.Cause(new OrleansException("Error from storage provider during ReadStateAsync", storageDown)));
        Assert.NotNull(UnavailableExceptionHandler.Cause(new TimeoutException("Response did not arrive on time.")));
        Assert.NotNull(UnavailableExceptionHandler.Cause(new SiloUnavailableException("The target silo became unavailable.")));
    }

    [Fact]
    public void The_API_answers_a_fault_in_the_shop_or_a_lost_write_race_as_a_server_error()
    {
        Assert.Null(UnavailableExceptionHandler.Cause(new InvalidOperationException("A bug.")));
        Assert.Null(UnavailableExceptionHandler.Cause(new InconsistentStateException("ETag mismatch.")));
        Assert.Null(UnavailableExceptionHandler.Cause(new OrleansException("wrapped", new PostgresException("relation does not exist", "ERROR", "ERROR", "42P01"))));
    }

    /// <summary>What Npgsql really throws when nothing listens on the database's port.</summary>
    private static async Task<NpgsqlException> RealConnectionFailureAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=nobody;Timeout=5");
        return await Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    /// <summary>A provider whose database fails in a given way; the real provider's failures are seen in Shop.Cluster.Tests.</summary>
    private sealed class FailingStorage(Exception failure) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw failure;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw failure;

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw failure;
    }
}
