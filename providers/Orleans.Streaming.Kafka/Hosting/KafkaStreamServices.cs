using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Streaming.Kafka.DeadLetters;
using Orleans.Streaming.Kafka.Wire;

namespace Orleans.Streaming.Kafka.Hosting;

/// <summary>Registrations silos and clients share: options bound from configuration and validated at start.</summary>
internal static class KafkaStreamServices
{
    public static OptionsBuilder<KafkaStreamOptions> AddKafkaStreamOptions(this IServiceCollection services, string name)
    {
        services.AddSingleton<IValidateOptions<KafkaStreamOptions>>(new KafkaStreamOptionsValidator(name));
        services.TryAddSingleton<DeliveryErrors>();
        // One per host: batch containers deserialized on this silo find it here (Orleans' TypeConverter is a singleton too).
        services.TryAddSingleton<EventTypeNames>();
        // Configuration first: the configure delegates a host passes run after it and win.
        return services.AddOptions<KafkaStreamOptions>(name).BindConfiguration(KafkaStreamOptions.SectionName(name)).ValidateOnStart();
    }
}
