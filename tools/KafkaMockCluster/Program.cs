using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Kafka.Testing;
using KafkaMockClusterTool;

// Usage: KafkaMockCluster [--port 9092] [--advertise 127.0.0.1] [--partitions 8] [topic ...]
// Prints the bootstrap string on its first line, then serves until SIGTERM or Ctrl+C.
var port = 9092;
var advertise = "127.0.0.1";
var partitions = 8;
List<string> topics = [];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--advertise": advertise = args[++i]; break;
        case "--partitions": partitions = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: topics.Add(args[i]); break;
    }
}

using var cluster = new KafkaMockCluster(brokers: 1);
foreach (var topic in topics) cluster.CreateTopic(topic, partitions);
using var stop = new CancellationTokenSource();
// Handled explicitly: as a container's PID 1 the runtime's default SIGTERM handling did not end the process, and a
// stop waited for SIGKILL.
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

// The mock listens on a port it picks; a fixed port is forwarded to it and advertised in metadata instead.
var target = cluster.BootstrapServers.Split(',')[0];
var forwarding = TcpForwarder.RunAsync(new IPEndPoint(IPAddress.Any, port), target, stop.Token);
cluster.AdvertiseBroker(advertise, port);
Console.WriteLine($"{advertise}:{port}");
await forwarding;
