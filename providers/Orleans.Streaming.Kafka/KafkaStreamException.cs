namespace Orleans.Streaming.Kafka;

/// <summary>Publishing or reading a Kafka stream failed; the message names the setting or condition involved.</summary>
[GenerateSerializer]
public sealed class KafkaStreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KafkaStreamException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KafkaStreamException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KafkaStreamException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
