namespace Granary.CodeGen.Analysis;

/// <summary>Metadata names of the Granary and BCL types the generator recognises.</summary>
internal static class KnownNames
{
    public const string GenerateSerializerAttribute = "Granary.Serialization.GenerateSerializerAttribute";
    public const string IdAttribute = "Granary.Serialization.IdAttribute";
    public const string ImmutableAttribute = "Granary.Concurrency.ImmutableAttribute";
    public const string OneWayAttribute = "Granary.Concurrency.OneWayAttribute";
    public const string ReadOnlyAttribute = "Granary.Concurrency.ReadOnlyAttribute";
    public const string AlwaysInterleaveAttribute = "Granary.Concurrency.AlwaysInterleaveAttribute";
    public const string ImmutableWrapper = "Granary.Concurrency.Immutable`1";

    public const string GranaryNamespace = "Granary";
    public const string AddressableInterface = "Granary.IAddressable";
    public const string GrainInterface = "Granary.IGrain";
    public const string ObserverInterface = "Granary.IGrainObserver";
    public const string GrainBaseInterface = "Granary.IGrainBase";

    public const string NonSerializedAttribute = "System.NonSerializedAttribute";
    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string IgnoreDataMemberAttribute = "System.Runtime.Serialization.IgnoreDataMemberAttribute";

    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string CancellationToken = "System.Threading.CancellationToken";
}
