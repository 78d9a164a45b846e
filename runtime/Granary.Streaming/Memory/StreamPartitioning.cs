using System.Text;
using Granary.Streams;

namespace Granary.Streaming.Memory;

/// <summary>A stable stream-to-partition function: the same on every silo and in every process (unlike string.GetHashCode).</summary>
internal static class StreamPartitioning
{
    public static int Partition(StreamId streamId, int partitionCount)
    {
        // FNV-1a over the UTF-8 text form; any stable, well-spread hash would do.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(streamId.ToString()))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return (int)(hash % (uint)partitionCount);
    }
}
