using Granary.Conformance.Storage;
using Granary.Storage;

namespace Granary.Runtime.Tests.Storage;

public sealed class FileGrainStorageTests : GrainStorageConformance, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "granary-file-storage-" + Guid.NewGuid().ToString("N"));

    protected override IGrainStorage CreateStorage() => new FileGrainStorage(_directory);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task State_survives_a_new_storage_instance_on_the_same_directory()
    {
        var grain = GrainId.Create("durable", "one");
        var written = new GrainState<ConformanceState>(new ConformanceState { Name = "kept", Visits = 7 });
        await new FileGrainStorage(_directory).WriteStateAsync("state", grain, written, CancellationToken.None);

        var read = new GrainState<ConformanceState>(new ConformanceState());
        await new FileGrainStorage(_directory).ReadStateAsync("state", grain, read, CancellationToken.None);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(("kept", 7), (read.State.Name, read.State.Visits));
    }

    [Fact]
    public async Task A_write_leaves_no_temporary_files_behind()
    {
        var storage = new FileGrainStorage(_directory);
        var state = new GrainState<ConformanceState>(new ConformanceState());
        for (var i = 0; i < 5; i++) await storage.WriteStateAsync("state", GrainId.Create("tidy", "k"), state, CancellationToken.None);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.tmp", SearchOption.AllDirectories));
        Assert.Single(Directory.EnumerateFiles(_directory, "*.state", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_that_is_not_a_record_is_reported_not_read_as_empty()
    {
        var storage = new FileGrainStorage(_directory);
        var grain = GrainId.Create("corrupt", "k");
        await storage.WriteStateAsync("state", grain, new GrainState<ConformanceState>(new ConformanceState()), CancellationToken.None);
        var file = Directory.EnumerateFiles(_directory, "*.state", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(file, "not a record");

        var read = new GrainState<ConformanceState>(new ConformanceState());
        await Assert.ThrowsAsync<InvalidDataException>(() => storage.ReadStateAsync("state", grain, read, CancellationToken.None));
    }
}
