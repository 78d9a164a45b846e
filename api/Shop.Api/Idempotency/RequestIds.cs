using System.Security.Cryptography;
using System.Text;

namespace Shop.Api.Idempotency;

/// <summary>
/// Ids for what a POST creates. With an <c>Idempotency-Key</c> the id is derived from the key, so even a retry
/// that runs again (its first attempt died before its response was stored) addresses the same grain, whose own
/// idempotency then holds; without a key every request gets a new id.
/// </summary>
internal static class RequestIds
{
    public static Guid NewId(HttpContext context, string purpose) =>
        IdempotencyKey(context) is { } key ? Derive($"{purpose}\n{key}") : Guid.CreateVersion7();

    /// <summary>An operation id for a money movement: derived from the key when there is one.</summary>
    public static string OperationId(HttpContext context, string purpose) => $"{purpose}-{NewId(context, purpose):N}";

    private static string? IdempotencyKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(IdempotencyMiddleware.HeaderName, out var key) && key.Count == 1 ? key.ToString() : null;

    private static Guid Derive(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16]);
    }
}
