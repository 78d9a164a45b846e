using System.Diagnostics.CodeAnalysis;
using System.Text;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Shop.Silo.Diagnostics;

/// <summary>
/// A test aid, off unless <c>Shop:Diagnostics:ActivationJournal</c> names a directory: appends a line to
/// <c>activations-{pid}.log</c> there when a grain activation starts and when it stops, so a test can find the same
/// grain active on two silos at once (tests/Shop.Chaos.Tests reads it). A line is
/// <c>{UTC time, ISO 8601}\t{start|stop}\t{silo address}\t{activation id}\t{grain id}</c>.
/// </summary>
/// <remarks>
/// It observes each activation's lifecycle at its first stage: Orleans starts that lifecycle only after the
/// activation won its grain directory registration, and stops it before the activation unregisters, so a line
/// pair brackets the time the activation may serve calls. Each line is one unbuffered write: a SIGKILL loses at most
/// the line in flight, because what write(2) handed to the kernel survives the process.
/// </remarks>
internal sealed class ActivationJournal : IConfigureGrainContextProvider, IConfigureGrainContext, IDisposable
{
    private const string StatelessWorkerPlacement = "StatelessWorkerPlacement";
    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private bool _disposed;

    public ActivationJournal(string directory)
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, $"activations-{Environment.ProcessId}.log");
        _file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
    }

    public string FilePath { get; }

    public bool TryGetConfigurator(GrainType grainType, GrainProperties properties, [NotNullWhen(true)] out IConfigureGrainContext? configurator)
    {
        // A stateless worker has many activations per silo by design, and its context exposes no lifecycle.
        var statelessWorker = properties.Properties.TryGetValue(WellKnownGrainTypeProperties.PlacementStrategy, out var placement)
            && placement == StatelessWorkerPlacement;
        configurator = statelessWorker ? null : this;
        return !statelessWorker;
    }

    public void Configure(IGrainContext context) =>
        context.ObservableLifecycle.Subscribe(nameof(ActivationJournal), GrainLifecycleStage.First,
            _ => Append("start", context.Address),
            _ => Append("stop", context.Address));

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _file.Dispose();
        }
    }

    private Task Append(string what, GrainAddress address)
    {
        // Lines from several processes are compared, so the machine's wall clock, never a test's fake TimeProvider.
        var line = $"{DateTimeOffset.UtcNow:O}\t{what}\t{address.SiloAddress}\t{address.ActivationId}\t{address.GrainId}\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            if (!_disposed) _file.Write(bytes);
        }

        return Task.CompletedTask;
    }
}
