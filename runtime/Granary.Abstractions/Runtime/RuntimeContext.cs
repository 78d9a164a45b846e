namespace Granary.Runtime;

/// <summary>Ambient runtime state that generated and user code cannot pass explicitly.</summary>
internal static class RuntimeContext
{
    // Set only while the runtime synchronously runs a grain constructor, so Grain() can bind itself.
    [ThreadStatic]
    private static IGrainContext? _activationUnderConstruction;

    public static IGrainContext? ActivationUnderConstruction => _activationUnderConstruction;

    /// <summary>Marks the activation a grain constructor on this thread belongs to.</summary>
    public static ConstructionScope Construct(IGrainContext context)
    {
        var previous = _activationUnderConstruction;
        _activationUnderConstruction = context;
        return new ConstructionScope(previous);
    }

    public readonly struct ConstructionScope(IGrainContext? previous) : IDisposable
    {
        public void Dispose() => _activationUnderConstruction = previous;
    }
}
