using System.Globalization;

namespace Granary.Benchmarks.Measurement;

/// <summary>Number formats of the result tables.</summary>
internal static class Format
{
    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Micros(double microseconds) => double.IsNaN(microseconds)
        ? "n/a"
        : microseconds.ToString(microseconds < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => ratio.ToString(ratio < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "x";

    public static string Bytes(double bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);
}
