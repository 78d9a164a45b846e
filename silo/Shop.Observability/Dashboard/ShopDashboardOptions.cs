using Microsoft.Extensions.Configuration;

namespace Shop.Observability.Dashboard;

/// <summary>The Orleans Dashboard and who may see it. Bound from <c>Shop:Dashboard</c>.</summary>
public sealed class ShopDashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Dashboard";

    /// <summary>The shortest password accepted in <see cref="Password"/>.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Adds the dashboard to the silo (or client) and serves it at <see cref="Path"/>. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the dashboard is served, its login page at <c>{Path}/login</c>. Default: <c>/dashboard</c>.</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>The operator's user name. Default: <c>admin</c>.</summary>
    public string Username { get; set; } = "admin";

    /// <summary>
    /// The operator's password, at least <see cref="MinimumPasswordLength"/> characters. When none is set, one is
    /// generated at start-up and written once to the log.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Serves the dashboard's live log stream. Default: true.</summary>
    public bool LiveLog { get; set; } = true;

    /// <summary>
    /// The PostgreSQL database that keeps the login cookies' Data Protection keys, so every host serving the dashboard
    /// (each silo's admin port, each API replica) reads the cookies the others issued, across restarts too. By default
    /// the cluster's own database when its membership is there (<c>Shop:Cluster:Membership=AdoNet</c> with
    /// <c>Shop:Cluster:ConnectionString</c>); otherwise unset, and each process keeps its own keys.
    /// </summary>
    public string? KeyRingConnectionString { get; set; }

    /// <summary>Reads the section, failing with the setting's name when it holds something unusable.</summary>
    public static ShopDashboardOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<ShopDashboardOptions>() ?? new ShopDashboardOptions();
        if (!options.Enabled) return options;
        // The cluster's settings, by name: this project sits below the silo's, which defines them.
        if (string.IsNullOrWhiteSpace(options.KeyRingConnectionString)
            && string.Equals(configuration["Shop:Cluster:Membership"], "AdoNet", StringComparison.OrdinalIgnoreCase))
            options.KeyRingConnectionString = configuration["Shop:Cluster:ConnectionString"];
        if (string.IsNullOrWhiteSpace(options.Path) || !options.Path.StartsWith('/') || options.Path.EndsWith('/') || options.Path.Contains("//", StringComparison.Ordinal))
            throw new InvalidOperationException($"{SectionName}:Path must be a path such as /dashboard, without a trailing slash (got '{options.Path}').");
        if (string.IsNullOrWhiteSpace(options.Username))
            throw new InvalidOperationException($"{SectionName}:Username must not be empty.");
        if (options.Password is { } password && password.Length < MinimumPasswordLength)
        {
            throw new InvalidOperationException(
                $"{SectionName}:Password must have at least {MinimumPasswordLength} characters; leave it unset to have one generated at start-up.");
        }

        return options;
    }
}
