namespace Orleans.Persistence.FileSystem.Tests;

/// <summary>What the disk may hold after a crash or a mistake, and keys that would escape a naive layout.</summary>
public sealed class StateFileSafetyTests : IDisposable
{
    private readonly StorageUnderTest _storage = new();

    public void Dispose() => _storage.Dispose();

    public static TheoryData<string, Func<byte[], byte[]>> Corruptions => new()
    {
        { "truncated", bytes => bytes[..(bytes.Length / 2)] },
        { "a flipped byte", bytes => { var copy = bytes.ToArray(); copy[^40] ^= 0x5A; return copy; } },
        { "someone else's file", _ => "{\"items\":[\"tea\"]}"u8.ToArray() },
        { "empty", _ => [] },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task A_corrupt_file_fails_the_read_naming_the_file(string corruption, Func<byte[], byte[]> corrupt)
    {
        var grain = StorageUnderTest.Grain("ann");
        await _storage.Open().WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Items = ["tea"] }));
        var path = Assert.Single(_storage.StateFiles());
        await File.WriteAllBytesAsync(path, corrupt(await File.ReadAllBytesAsync(path)));

        var failure = await Assert.ThrowsAsync<CorruptStateFileException>(() =>
            _storage.Open().ReadStateAsync("cart", grain, new GrainState<CartState>(new CartState())));

        Assert.Equal(path, failure.Path);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(corruption));
    }

    [Fact]
    public async Task A_temporary_file_left_by_a_crash_mid_write_does_not_change_what_is_read()
    {
        var grain = StorageUnderTest.Grain("bob");
        await _storage.Open().WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Items = ["tea"] }));
        var path = Assert.Single(_storage.StateFiles());
        await File.WriteAllBytesAsync(Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.crashed.tmp"), [1, 2, 3]);

        var read = new GrainState<CartState>(new CartState());
        await _storage.Open().ReadStateAsync("cart", grain, read);

        Assert.Equal(["tea"], read.State!.Items);
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("/absolute")]
    [InlineData("..")]
    [InlineData("a\\b")]
    [InlineData("a key with spaces and ünïcode")]
    public async Task Any_key_stays_inside_the_root_directory_and_reads_back(string key)
    {
        var grain = StorageUnderTest.Grain(key);
        await _storage.Open().WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Items = [key] }));

        var read = new GrainState<CartState>(new CartState());
        await _storage.Open().ReadStateAsync("cart", grain, read);

        Assert.Equal([key], read.State!.Items);
        var file = Assert.Single(_storage.StateFiles());
        Assert.StartsWith(Path.GetFullPath(_storage.Root) + Path.DirectorySeparatorChar, Path.GetFullPath(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_that_differ_only_in_unsafe_characters_get_different_files()
    {
        var storage = _storage.Open();
        await storage.WriteStateAsync("cart", StorageUnderTest.Grain("a/b"), new GrainState<CartState>(new CartState { Items = ["slash"] }));
        await storage.WriteStateAsync("cart", StorageUnderTest.Grain("a\\b"), new GrainState<CartState>(new CartState { Items = ["backslash"] }));

        Assert.Equal(2, _storage.StateFiles().Length);
    }
}
