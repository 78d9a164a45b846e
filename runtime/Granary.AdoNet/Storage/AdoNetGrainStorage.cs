using System.Globalization;
using System.Text.Json;
using Granary.AdoNet.Database;
using Granary.Runtime;
using Granary.Serialization;
using Granary.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Granary.AdoNet.Storage;

/// <summary>
/// Grain storage in PostgreSQL: one row per (service id, grain type, grain key, state name) in
/// <c>granary_grain_state</c>, the state in Granary's binary format. The ETag is the row's version, drawn from a
/// sequence so it is never reused; writes and clears are conditional on it in a single statement. Each write
/// carries a fresh token stored with the row, so when a connection drops after the commit, the retry finds its
/// own token and reports success instead of a conflict; a write is never applied twice. Clear deletes the row.
/// </summary>
internal sealed partial class AdoNetGrainStorage(string name, string serviceId, AdoNetDatabase database, bool storeJson, ILogger<AdoNetGrainStorage> logger) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var row = await database.RunAsync("read", async (source, _, ct) =>
        {
            await using var command = Command(source, GrainStateSql.Read, grainId, stateName);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? (Version: reader.GetInt64(0), Payload: reader.GetFieldValue<byte[]>(1)) : default((long Version, byte[] Payload)?);
        }, cancellationToken);

        if (row is { } stored)
        {
            grainState.State = Serializer.Deserialize<T>(stored.Payload);
            grainState.ETag = ETag(stored.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = NewState.Create<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        long? expected = null;
        if (grainState.ETag is { } eTag && !TryParse(eTag, out expected)) throw Conflict(grainId, stateName, "(unknown)", eTag);
        var payload = Serializer.Serialize(grainState.State);
        var json = storeJson ? ToJson(grainState.State) : null;
        var token = Guid.NewGuid();
        var outcome = await database.RunAsync("write", async (source, attempt, ct) =>
        {
            await using var command = Command(source, expected is null ? GrainStateSql.Insert : GrainStateSql.Update, grainId, stateName);
            command.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = payload });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)json ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = token });
            if (expected is { } version) command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = version });
            return (Row: await ReadOutcomeAsync(command, ct), Attempt: attempt);
        }, cancellationToken);

        if (outcome.Row is not { Succeeded: true } row) throw Conflict(grainId, stateName, outcome.Row?.Version, grainState.ETag);
        if (outcome.Attempt > 1) LogResolvedRetry(name, grainId, stateName, outcome.Attempt);
        grainState.ETag = ETag(row.Version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        long? expected = null;
        if (grainState.ETag is { } eTag && !TryParse(eTag, out expected)) throw Conflict(grainId, stateName, "(unknown)", eTag);
        var outcome = await database.RunAsync("clear", async (source, attempt, ct) =>
        {
            await using var command = Command(source, GrainStateSql.Delete, grainId, stateName);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)expected ?? DBNull.Value });
            return (Row: await ReadOutcomeAsync(command, ct), Attempt: attempt);
        }, cancellationToken);

        switch (outcome.Row)
        {
            case { Succeeded: true }:
                break;
            case { } other:
                throw Conflict(grainId, stateName, other.Version, grainState.ETag);
            // Nothing stored: right when nothing was expected, or when an earlier attempt of this clear deleted it.
            case null when expected is not null && outcome.Attempt == 1:
                throw Conflict(grainId, stateName, (string?)null, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private NpgsqlCommand Command(NpgsqlDataSource source, string sql, GrainId grainId, string stateName)
    {
        var command = source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = grainId.Type.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = stateName });
        return command;
    }

    private static async Task<(long Version, bool Succeeded)?> ReadOutcomeAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetBoolean(1)) : null;
    }

    private string? ToJson<T>(T state)
    {
        try
        {
            return JsonSerializer.Serialize(state);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            // The JSON copy is for inspection only; a state System.Text.Json cannot write is still stored.
            LogJsonFailed(exception, name, typeof(T).Name);
            return null;
        }
    }

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static bool TryParse(string eTag, out long? version)
    {
        var parsed = long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        version = parsed ? value : null;
        return parsed;
    }

    private InconsistentStateException Conflict(GrainId grainId, string stateName, long? stored, string? expected) =>
        Conflict(grainId, stateName, stored is { } v ? ETag(v) : null, expected);

    private InconsistentStateException Conflict(GrainId grainId, string stateName, string? stored, string? expected) =>
        new($"PostgreSQL grain storage '{name}': state '{stateName}' of {grainId} was changed by another writer.", stored, expected);

    [LoggerMessage(EventId = 7200, Level = LogLevel.Information, Message = "Grain storage {Storage}: the write of '{State}' of {Grain} succeeded on attempt {Attempt} (an earlier attempt failed or its outcome was unknown)")]
    private partial void LogResolvedRetry(string storage, GrainId grain, string state, int attempt);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Grain storage {Storage}: state type {Type} cannot be written as JSON; payload_json stays empty")]
    private partial void LogJsonFailed(Exception exception, string storage, string type);
}
