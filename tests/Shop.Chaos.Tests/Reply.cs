using System.Text.Json;

namespace Shop.Chaos.Tests;

/// <summary>The definite answer a client got to one logical request, after its retries.</summary>
internal sealed record Reply(int Status, JsonElement Body)
{
    /// <summary>A 2xx: the client was told the request took effect.</summary>
    public bool Acknowledged => Status is >= 200 and < 300;

    public Guid Id => Body.GetProperty("id").GetGuid();
}
