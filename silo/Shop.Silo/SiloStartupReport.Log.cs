using Microsoft.Extensions.Logging;

namespace Shop.Silo;

internal sealed partial class SiloStartupReport
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Silo active in cluster {ClusterId} (service {ServiceId}), hosting {GrainTypeCount} grain types: {GrainTypes}")]
    private partial void LogActive(string clusterId, string serviceId, int grainTypeCount, string grainTypes);
}
