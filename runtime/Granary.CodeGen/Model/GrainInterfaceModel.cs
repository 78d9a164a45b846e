namespace Granary.CodeGen.Model;

/// <summary>A grain or observer interface to proxy.</summary>
/// <param name="Methods">Its methods and those of every grain interface it inherits, each with the interface that declares it.</param>
internal sealed record GrainInterfaceModel(TypeIdentity Name, EquatableArray<GrainMethodModel> Methods);

/// <summary>One method of a grain interface.</summary>
/// <param name="Index">Position among the declaring interface's methods; keeps overloads apart in generated names.</param>
/// <param name="ReturnTypeName">The declared return type, fully qualified with nullable annotations.</param>
/// <param name="ResultTypeName">T of Task&lt;T&gt;, ValueTask&lt;T&gt; or IAsyncEnumerable&lt;T&gt;; empty otherwise.</param>
/// <param name="TypeParameters">Generic method parameters, only to restate an unsupported method's signature.</param>
/// <param name="IsSupported">False when a diagnostic was reported: the proxy then throws instead of sending.</param>
internal sealed record GrainMethodModel(
    TypeIdentity DeclaringInterface,
    string Name,
    int Index,
    ReturnKind ReturnKind,
    string ReturnTypeName,
    string ResultTypeName,
    EquatableArray<GrainParameterModel> Parameters,
    EquatableArray<string> TypeParameters,
    string Options,
    bool IsOneWay,
    bool ArgumentsAreImmutable,
    bool IsSupported)
{
    public string Key => DeclaringInterface.TypeName + "." + Name + "#" + Index;
}

/// <summary>A grain-method parameter.</summary>
/// <param name="Modifier">"ref ", "out ", "in " or empty; only unsupported methods have one.</param>
internal sealed record GrainParameterModel(string Name, string TypeName, bool IsCancellationToken, string Modifier);

internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    AsyncEnumerable,
    Unsupported,
}
