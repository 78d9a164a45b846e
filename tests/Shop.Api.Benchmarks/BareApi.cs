using System.Text.Json.Serialization;

namespace Shop.Api.Benchmarks;

/// <summary>
/// The baseline: a bare ASP.NET Core minimal API on Kestrel answering the same routes with the same JSON, built
/// from constants, so the difference to the shop API is what the grains, validation and idempotency cost.
/// </summary>
public static class BareApi
{
    private static readonly object Product = new { sku = "BENCH-0", name = "Benchmark tea", price = 1.00m, available = 1_000_000 };

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        app.MapGet("/api/v1/products/{sku}", (string sku) => TypedResults.Ok(Product));
        app.MapPost("/api/v1/orders", (OrderRequest request) =>
        {
            var id = Guid.CreateVersion7();
            var now = DateTimeOffset.UtcNow;
            var lines = request.Lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = 1.00m, amount = 1.00m * l.Quantity }).ToArray();
            return TypedResults.Created($"/api/v1/orders/{id}", new
            {
                id, userId = request.UserId, status = "Confirmed", total = lines.Sum(l => l.amount), lines, reason = (string?)null, placedAt = now, updatedAt = now,
            });
        });
        await app.StartAsync();
        return app;
    }

    public sealed record OrderRequest(Guid UserId, IReadOnlyList<OrderLine> Lines);

    public sealed record OrderLine(string Sku, int Quantity);
}
