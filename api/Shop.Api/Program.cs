using Shop.Api.Hosting;
using Shop.Observability.Dashboard;
using Shop.Observability.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddShopTelemetry("shop-api");
builder.AddShopDashboardAccess();
builder.AddShopCluster();
builder.AddShopApi();

var app = builder.Build();
app.UseShopApi();
app.MapShopApi();
app.MapShopTelemetry();
app.MapShopDashboard();
app.Run();

// Public so tests can host the API with WebApplicationFactory<Program>.
public partial class Program;
