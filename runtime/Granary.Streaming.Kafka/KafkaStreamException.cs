namespace Granary.Streaming.Kafka;

/// <summary>
/// Publishing to Kafka failed: the producer's buffer stayed full, the broker did not acknowledge in time, or it
/// refused the event. The message names the provider, the topic and the setting involved.
/// </summary>
public sealed class KafkaStreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KafkaStreamException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KafkaStreamException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public KafkaStreamException(string message) : base(message)
    {
    }
}
