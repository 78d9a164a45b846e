namespace Granary.Benchmarks.Measurement;

/// <summary>Progress goes to stderr, so stdout holds only the report.</summary>
internal static class Progress
{
    public static void Report(string step) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {step}");
}
