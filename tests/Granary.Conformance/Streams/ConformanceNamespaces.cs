namespace Granary.Conformance.Streams;

/// <summary>Stream namespaces of the conformance grains, and the provider name the tests configure.</summary>
public static class ConformanceNamespaces
{
    public const string Provider = "conformance";
    public const string Implicit = "conformance-implicit";
    public const string Explicit = "conformance-explicit";
    public const string Poison = "conformance-poison";
    public const string Dedup = "conformance-dedup";
}
