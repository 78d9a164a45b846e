using Shop.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddShopCluster();
builder.AddShopApi();

var app = builder.Build();
app.UseShopApi();
app.MapShopApi();
app.Run();

// Public so tests can host the API with WebApplicationFactory<Program>.
public partial class Program;
