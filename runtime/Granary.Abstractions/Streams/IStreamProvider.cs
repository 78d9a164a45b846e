namespace Granary.Streams;

/// <summary>A named stream provider, as in Orleans: <c>this.GetStreamProvider("events").GetStream&lt;T&gt;(id)</c>.</summary>
public interface IStreamProvider
{
    /// <summary>The provider's name, as configured (<c>silo.AddMemoryStreams("events")</c>).</summary>
    string Name { get; }

    /// <summary>True when subscriptions may start from a past position.</summary>
    bool IsRewindable { get; }

    /// <summary>A reference to a stream; nothing is created until it is used.</summary>
    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
