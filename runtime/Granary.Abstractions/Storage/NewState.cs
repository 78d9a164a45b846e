namespace Granary.Storage;

/// <summary>Creates the empty state a grain sees when nothing is stored.</summary>
public static class NewState
{
    /// <summary>A new instance for classes and structs with a parameterless constructor; default otherwise.</summary>
    public static TState Create<TState>() => Factory<TState>.Create();

    private static class Factory<TState>
    {
        // Decided once per state type; strings and types without a parameterless constructor start as default.
        public static readonly Func<TState> Create = typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<TState>
            : () => default!;
    }
}
