using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Observability.Dashboard;

/// <summary>Says once, at start-up, where the dashboard is and, when the password was generated, what it is.</summary>
internal sealed partial class DashboardCredentialReport(
    DashboardCredential credential, ShopDashboardOptions options, ILogger<DashboardCredentialReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (credential.IsGenerated)
            LogGenerated(options.Path, credential.Username, credential.Password, ShopDashboardOptions.SectionName + ":Password");
        else
            LogConfigured(options.Path, credential.Username);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning,
        Message = "Orleans Dashboard at {Path}/: no password is configured, so one was generated for this run. User: {Username}, password: {Password} (set {Setting} to choose one)")]
    private partial void LogGenerated(string path, string username, string password, string setting);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Orleans Dashboard at {Path}/ for user {Username}")]
    private partial void LogConfigured(string path, string username);
}
