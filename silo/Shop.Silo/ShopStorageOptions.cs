using Microsoft.Extensions.Configuration;

namespace Shop.Silo;

/// <summary>Where the shop's grain state lives. Bound from <c>Shop:Storage</c>.</summary>
public sealed class ShopStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Storage";

    /// <summary>
    /// <c>File</c> (default): durable files below <see cref="Directory"/>. <c>Memory</c>: lost when the process ends.
    /// <c>AdoNet</c>: PostgreSQL at <see cref="ConnectionString"/>, with durable reminders there too (for clusters).
    /// </summary>
    public string Provider { get; set; } = "File";

    /// <summary>The PostgreSQL connection string when <see cref="Provider"/> is <c>AdoNet</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The directory of the file storage, relative to the working directory. Default: <c>.data/grains</c>.</summary>
    public string Directory { get; set; } = ".data/grains";

    /// <summary>Reads the section, failing with the setting's name when it holds something unusable.</summary>
    public static ShopStorageOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<ShopStorageOptions>() ?? new ShopStorageOptions();
        if (options.Provider is not ("File" or "Memory" or "AdoNet"))
            throw new InvalidOperationException($"{SectionName}:Provider must be 'File', 'Memory' or 'AdoNet' (got '{options.Provider}').");
        if (options.Provider == "AdoNet" && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException($"{SectionName}:ConnectionString is required when {SectionName}:Provider is 'AdoNet'.");
        if (options.Provider == "File" && string.IsNullOrWhiteSpace(options.Directory))
            throw new InvalidOperationException($"{SectionName}:Directory must name a directory when {SectionName}:Provider is 'File'.");
        return options;
    }
}
