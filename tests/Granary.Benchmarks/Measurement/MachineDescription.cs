using System.Runtime;
using System.Runtime.InteropServices;

namespace Granary.Benchmarks.Measurement;

internal static class MachineDescription
{
    /// <summary>One line: cores, OS, .NET version, and the GC mode, which changes allocation-heavy figures.</summary>
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), " +
        $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC";
}
