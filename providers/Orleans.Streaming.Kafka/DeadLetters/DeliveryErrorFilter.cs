using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.DeadLetters;

/// <summary>
/// Notes why a Kafka event's delivery to a subscriber failed. It sees the pulling agent's calls that deliver
/// batches (subscription id first, batch third) and ignores every other call.
/// </summary>
internal sealed class DeliveryErrorFilter(DeliveryErrors errors) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        // Read before the call: Orleans recycles the request object once the response arrives.
        var delivery = Describe(context);
        if (delivery is null)
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            errors.Record(delivery.Value.Subscription, delivery.Value.Offset, exception);
            throw;
        }
    }

    private static (Guid Subscription, long Offset)? Describe(IOutgoingGrainCallContext context)
    {
        var request = context.Request;
        if (request.GetArgumentCount() < 3 || request.GetArgument(2) is not KafkaBatchContainer batch) return null;
        return request.GetArgument(0) is GuidId subscription ? (subscription.Guid, batch.Offset) : null;
    }
}
