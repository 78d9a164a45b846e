using System.Text.Json.Serialization;
using Granary.Benchmarks.Orders;

namespace Granary.Benchmarks.SerializerComparison;

/// <summary>System.Text.Json at its fastest: source-generated metadata and serialization logic, default options.</summary>
[JsonSerializable(typeof(OrderDto))]
internal sealed partial class OrderJsonContext : JsonSerializerContext;
