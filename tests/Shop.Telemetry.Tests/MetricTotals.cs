using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Shop.Telemetry.Tests;

/// <summary>
/// The latest cumulative value of each metric the API's meter provider collects: a counter's sum, a histogram's count,
/// a gauge's value, each summed over its points (tags). Collected on demand (ForceFlush), never on a timer.
/// </summary>
public sealed class MetricTotals : BaseExporter<Metric>
{
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);

    public double this[string name]
    {
        get
        {
            lock (_totals) return _totals.GetValueOrDefault(name);
        }
    }

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_totals) return [.. _totals.Keys];
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        lock (_totals)
        {
            foreach (var metric in batch)
            {
                var total = 0.0;
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    total += metric.MetricType switch
                    {
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                        MetricType.Histogram or MetricType.ExponentialHistogram => point.GetHistogramCount(),
                        MetricType.LongGauge => point.GetGaugeLastValueLong(),
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                        _ => 0,
                    };
                }

                _totals[metric.Name] = total;
            }
        }

        return ExportResult.Success;
    }
}
