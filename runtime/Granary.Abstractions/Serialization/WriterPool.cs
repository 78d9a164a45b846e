namespace Granary.Serialization;

/// <summary>
/// One reusable writer per thread. A writer that grew past <see cref="MaxRetainedBytes"/> is not kept,
/// so one large message does not pin a large buffer to the thread forever.
/// </summary>
internal static class WriterPool
{
    private const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic]
    private static GranaryWriter? _cached;

    public static GranaryWriter Rent()
    {
        var writer = _cached;
        if (writer is null) return new GranaryWriter();
        // Taken out while in use, so a nested rent (a codec serializing inside a codec) gets its own.
        _cached = null;
        return writer;
    }

    public static void Return(GranaryWriter writer)
    {
        if (writer.Length > MaxRetainedBytes)
        {
            writer.Dispose();
            return;
        }

        writer.Reset();
        writer.CopiedReferences = null;
        _cached = writer;
    }
}
