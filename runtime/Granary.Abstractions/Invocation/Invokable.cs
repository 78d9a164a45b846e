using System.Reflection;

namespace Granary.Invocation;

/// <summary>Per-method options the code generator reads from attributes.</summary>
[Flags]
public enum InvokeMethodOptions
{
    /// <summary>An ordinary request.</summary>
    None = 0,

    /// <summary>[OneWay]: no response is sent or awaited.</summary>
    OneWay = 1,

    /// <summary>[ReadOnly]: may interleave with other read-only requests.</summary>
    ReadOnly = 2,

    /// <summary>[AlwaysInterleave]: may interleave with any request.</summary>
    AlwaysInterleave = 4,
}

/// <summary>
/// A grain method call as an object: which method, with which arguments, and how to invoke it on a
/// target. The code generator emits one sealed subclass per grain interface method, so the call path
/// needs no reflection. Instances are serialized as messages between silos.
/// </summary>
public abstract class Invokable
{
    private MethodInfo? _method;

    /// <summary>The method's name.</summary>
    public abstract string MethodName { get; }

    /// <summary>The interface that declares the method.</summary>
    public abstract Type InterfaceType { get; }

    /// <summary>Options from the method's attributes.</summary>
    public virtual InvokeMethodOptions Options => InvokeMethodOptions.None;

    /// <summary>Number of arguments, not counting a CancellationToken.</summary>
    public abstract int ArgumentCount { get; }

    /// <summary>True when every argument type is immutable, so same-silo calls need not copy them.</summary>
    public virtual bool ArgumentsAreImmutable => ArgumentCount == 0;

    /// <summary>True when the method takes a CancellationToken, which the runtime then flows across the call.</summary>
    public virtual bool IsCancellable => false;

    /// <summary>The token passed to the method: the caller's on the way out, the runtime's on the callee.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Reads an argument.</summary>
    public abstract object? GetArgument(int index);

    /// <summary>Replaces an argument.</summary>
    public abstract void SetArgument(int index, object? value);

    /// <summary>Calls the method on <paramref name="target"/>; completes with its result (null for none).</summary>
    public abstract ValueTask<object?> InvokeAsync(object target);

    /// <summary>The interface method, found by reflection on first use; meant for filters and diagnostics, not the call path.</summary>
    public MethodInfo Method => _method ??= FindMethod();

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}.{MethodName}";

    private MethodInfo FindMethod() =>
        InterfaceType.GetMethods().FirstOrDefault(m => m.Name == MethodName && m.GetParameters().Count(p => p.ParameterType != typeof(CancellationToken)) == ArgumentCount)
        ?? throw new MissingMethodException(InterfaceType.FullName, MethodName);
}

/// <summary>Base of generated invokables for methods returning <see cref="IAsyncEnumerable{T}"/>.</summary>
public abstract class AsyncEnumerableInvokable<T> : Invokable, IAsyncEnumerableRequest
{
    /// <summary>Calls the method on <paramref name="target"/> and returns its sequence.</summary>
    public abstract IAsyncEnumerable<T> InvokeEnumerable(object target);

    /// <inheritdoc />
    public sealed override ValueTask<object?> InvokeAsync(object target) => new(InvokeEnumerable(target));

    IAsyncEnumerator<object?> IAsyncEnumerableRequest.StartEnumeration(object target, CancellationToken cancellationToken) =>
        Box(InvokeEnumerable(target), cancellationToken).GetAsyncEnumerator(cancellationToken);

    private static async IAsyncEnumerable<object?> Box(IAsyncEnumerable<T> source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(true)) yield return item;
    }
}

/// <summary>Lets the runtime start a grain's enumeration without knowing its item type.</summary>
internal interface IAsyncEnumerableRequest
{
    IAsyncEnumerator<object?> StartEnumeration(object target, CancellationToken cancellationToken);
}
