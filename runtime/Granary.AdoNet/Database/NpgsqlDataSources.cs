using System.Collections.Concurrent;
using Npgsql;

namespace Granary.AdoNet.Database;

/// <summary>
/// One pooled <see cref="NpgsqlDataSource"/> per connection string, shared by every provider of the silo, so
/// storage and reminders on one database share one connection pool. Disposed with the host.
/// </summary>
internal sealed class NpgsqlDataSources : IAsyncDisposable, IDisposable
{
    private const int DefaultMaxAutoPrepare = 32;
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);

    public NpgsqlDataSource Get(string connectionString) =>
        _sources.GetOrAdd(connectionString, static cs => new Lazy<NpgsqlDataSource>(() => Create(cs))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values)
        {
            if (source.IsValueCreated) await source.Value.DisposeAsync();
        }

        _sources.Clear();
    }

    public void Dispose()
    {
        foreach (var source in _sources.Values)
        {
            if (source.IsValueCreated) source.Value.Dispose();
        }

        _sources.Clear();
    }

    /// <summary>Builds a data source; statements are prepared automatically on each pooled connection unless the connection string says otherwise.</summary>
    internal static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = DefaultMaxAutoPrepare;
        settings.ApplicationName ??= "granary";
        return builder.Build();
    }

    /// <summary>The connection string without its password, for messages.</summary>
    internal static string Describe(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{settings.Host}:{settings.Port}/{settings.Database}{(string.IsNullOrEmpty(settings.SearchPath) ? "" : $" (schema {settings.SearchPath})")}";
    }
}
