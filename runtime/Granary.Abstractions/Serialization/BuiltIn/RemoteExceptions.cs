using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Granary.Serialization.BuiltIn;

/// <summary>What the wire says about a remote exception.</summary>
internal sealed class RemoteExceptionData
{
    public string? TypeName { get; set; }

    public string? Message { get; set; }

    public string? StackTrace { get; set; }

    public Exception? InnerException { get; set; }

    public int? HResult { get; set; }
}

/// <summary>
/// Rebuilds remote exceptions. Reflection is fine here: this is the error path. The original type is
/// used when it loads and has a message constructor; otherwise <see cref="UnknownRemoteException"/> stands in.
/// </summary>
internal static class RemoteExceptions
{
    private static readonly PropertyInfo HResultProperty = typeof(Exception).GetProperty(nameof(Exception.HResult))!;

    public static T Create<T>(RemoteExceptionData remote) where T : Exception
    {
        var typeName = remote.TypeName ?? "unknown";
        var message = remote.Message ?? string.Empty;
        var exception = TryConstruct<T>(ResolveExceptionType(remote.TypeName), message, remote.InnerException)
            ?? (typeof(T).IsAssignableFrom(typeof(UnknownRemoteException))
                ? (T)(Exception)new UnknownRemoteException(typeName, message, remote.StackTrace, remote.InnerException)
                : TryConstruct<T>(typeof(T), message, remote.InnerException))
            ?? throw new WireFormatException($"An exception of type '{typeName}' cannot be read as a {typeof(T).Name}.");

        if (remote.HResult is { } hResult && hResult != exception.HResult) HResultProperty.SetValue(exception, hResult);
        if (!string.IsNullOrEmpty(remote.StackTrace)) ExceptionDispatchInfo.SetRemoteStackTrace(exception, remote.StackTrace);
        return exception;
    }

    private static Type? ResolveExceptionType(string? typeName)
    {
        var type = typeName is null ? null : TypeNames.Resolve(typeName);
        return type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract && !type.ContainsGenericParameters ? type : null;
    }

    private static T? TryConstruct<T>(Type? type, string message, Exception? inner) where T : Exception
    {
        if (type is null || !typeof(T).IsAssignableFrom(type)) return null;
        try
        {
            // (message, inner) first: for some types the lone string parameter is not the message
            // (ArgumentNullException's is the parameter name, ObjectDisposedException's the object name).
            if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner) return (T)withInner.Invoke([message, inner]);
            if (type.GetConstructor([typeof(string)]) is { } withMessage) return (T)withMessage.Invoke([message]);
        }
        catch (Exception failure) when (failure is TargetInvocationException or MemberAccessException or NotSupportedException)
        {
            // The constructor rejected the message; fall back to a substitute.
        }

        return null;
    }
}
