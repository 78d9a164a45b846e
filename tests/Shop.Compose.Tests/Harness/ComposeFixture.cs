namespace Shop.Compose.Tests.Harness;

/// <summary>
/// One compose stack (two silos, the Kafka stand-in) shared by the tests of the collection; nothing starts unless the
/// smoke or the full suite is enabled.
/// </summary>
public sealed class ComposeFixture : IAsyncLifetime
{
    private ComposeStack? _stack;

    internal ComposeStack Stack => _stack ?? throw new InvalidOperationException("The compose stack did not start.");

    /// <summary>Lines the tests report as figures; written to artifacts/compose-figures.txt when the collection ends.</summary>
    internal List<string> Figures { get; } = [];

    public async Task InitializeAsync()
    {
        if (!ComposeSmokeFactAttribute.Enabled) return;
        _stack = await ComposeStack.StartAsync(silos: 2);
        Figures.Add($"images built (scripts/container-images.sh) in {_stack.ImageBuildTime.TotalSeconds:F0} s");
        Figures.Add($"stack up (2 silos, API ready) in {_stack.StartTime.TotalSeconds:F0} s");
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
        if (Figures.Count == 0) return;
        var directory = Path.Combine(RepositoryRoot.Path, "artifacts");
        Directory.CreateDirectory(directory);
        await File.WriteAllLinesAsync(Path.Combine(directory, "compose-figures.txt"), Figures);
    }
}

[CollectionDefinition(Name)]
public sealed class ComposeCollection : ICollectionFixture<ComposeFixture>
{
    public const string Name = "compose";
}
