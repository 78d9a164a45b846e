using System.Text.Json;
using Granary.Benchmarks.Measurement;
using Granary.Benchmarks.Orders;
using Granary.Serialization;

namespace Granary.Benchmarks.SerializerComparison;

/// <summary>
/// Scenario b: a round trip (serialize to a byte array, deserialize it) of a ten-line order with Granary's
/// serializer and with System.Text.Json's source-generated serializer, on the same record types.
/// </summary>
internal sealed class SerializerScenario(BenchmarkWindows windows)
{
    private readonly BenchmarkWindows _windows = windows.ShortRounds();

    public async Task<string> RunAsync()
    {
        Progress.Report("serializer: Granary vs System.Text.Json");
        var order = SampleOrder.Create();
        var granaryBytes = Serializer.Serialize(order);
        var jsonBytes = JsonSerializer.SerializeToUtf8Bytes(order, OrderJsonContext.Default.OrderDto);
        if (!SampleOrder.AreEquivalent(order, Serializer.Deserialize<OrderDto>(granaryBytes))
            || !SampleOrder.AreEquivalent(order, JsonSerializer.Deserialize(jsonBytes, OrderJsonContext.Default.OrderDto)))
        {
            throw new InvalidOperationException("A serializer did not round-trip the order.");
        }

        var samples = await AlternatingRounds.RunAsync<OpsSample>(
        [
            warmUp => Task.FromResult(OpsLoop.Measure(() => GranaryRoundTrip(order), warmUp, _windows.Window)),
            warmUp => Task.FromResult(OpsLoop.Measure(() => JsonRoundTrip(order), warmUp, _windows.Window)),
        ], _windows);

        var table = new MarkdownTable("Serializer", "Round trips/s", "Bytes/message", "Allocated B/round trip");
        table.Add("Granary", Format.Rate(Median(samples[0], s => s.OperationsPerSecond)), Format.Bytes(granaryBytes.Length), Format.Bytes(Median(samples[0], s => s.AllocatedBytesPerOperation)));
        table.Add("System.Text.Json (source-generated)", Format.Rate(Median(samples[1], s => s.OperationsPerSecond)), Format.Bytes(jsonBytes.Length), Format.Bytes(Median(samples[1], s => s.AllocatedBytesPerOperation)));
        var throughput = AlternatingRounds.Ratio(samples[0], samples[1], s => s.OperationsPerSecond);
        var size = (double)granaryBytes.Length / jsonBytes.Length;
        var met = throughput.Median >= 2 && size < 1;
        return $"""
            ## b. Serializer: ten-line order, serialize + deserialize

            One thread; a round trip serializes the order to a new byte array and reads it back. {_windows.Describe()}.

            {table}
            Granary / STJ throughput: {throughput}; size: {Format.Ratio(size)} ({granaryBytes.Length} vs {jsonBytes.Length} bytes).
            Target: at least 2x STJ throughput and smaller: {(met ? "met" : "NOT met")}.

            """;
    }

    private static int GranaryRoundTrip(OrderDto order) => Serializer.Deserialize<OrderDto>(Serializer.Serialize(order)).Lines.Count;

    private static int JsonRoundTrip(OrderDto order) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(order, OrderJsonContext.Default.OrderDto), OrderJsonContext.Default.OrderDto)!.Lines.Count;

    private static double Median(OpsSample[] samples, Func<OpsSample, double> measure) => Percentiles.Median([.. samples.Select(measure)]);
}
