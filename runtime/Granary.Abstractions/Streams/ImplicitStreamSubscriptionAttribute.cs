namespace Granary.Streams;

/// <summary>
/// Subscribes a grain class to every stream of a namespace, as in Orleans: an event on stream
/// <c>(namespace, key)</c> activates the grain of this class with the same key, which attaches its observer
/// in <c>OnActivateAsync</c> with <c>GetStream&lt;T&gt;(id).SubscribeAsync(observer)</c>. Nothing needs to be
/// stored: the subscription exists for every key.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    /// <summary>The namespace subscribed to.</summary>
    public string Namespace { get; } = streamNamespace;
}
