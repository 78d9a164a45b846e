using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Shop.Silo;

/// <summary>
/// Lets PostgreSQL driver exceptions travel back to a grain's caller. Orleans serializes only exceptions from the
/// namespaces it knows (System, Microsoft, Azure) or with generated serializers; a storage write that fails because
/// PostgreSQL is down carries an Npgsql exception, so without this the caller gets a codec error instead of the
/// cause, and the API cannot tell "the database is unavailable" (503, retry) from a fault in the shop (500).
/// Silos and clients both need it: the silo writes the exception, the client reads it.
/// </summary>
public static class StorageExceptionSerialization
{
    private const string NpgsqlNamespace = "Npgsql";

    public static IServiceCollection AddStorageExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add(NpgsqlNamespace));
}
