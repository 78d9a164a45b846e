namespace Shop.Api.Problems;

/// <summary>The limits the API enforces on input; validation messages quote them.</summary>
internal static class RequestLimits
{
    /// <summary>The largest request body accepted.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The largest refused body still read to its end, so its sender receives the 413 rather than a reset.</summary>
    public const long MaxDrainedBodyBytes = 32L * 1024 * 1024;

    public const int MaxOrderLines = 50;
    public const int MaxLineQuantity = 1_000;
    public const int MaxStockQuantity = 1_000_000;
    public const decimal MaxAmount = 1_000_000m;
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxUrlLength = 2_048;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
}
