namespace Granary.Runtime.Tests.Grains;

public interface IStringKeyGrain : IGrainWithStringKey
{
    Task<string> Describe();
}

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> Key();
}

public interface ILongKeyGrain : IGrainWithIntegerKey
{
    Task<long> Key();
}

public interface IGuidCompoundKeyGrain : IGrainWithGuidCompoundKey
{
    Task<string> Describe();
}

public interface ILongCompoundKeyGrain : IGrainWithIntegerCompoundKey
{
    Task<string> Describe();
}

public sealed class KeyEchoGrain : Grain, IStringKeyGrain, IGuidKeyGrain, ILongKeyGrain, IGuidCompoundKeyGrain, ILongCompoundKeyGrain
{
    Task<string> IStringKeyGrain.Describe() => Task.FromResult(this.GetPrimaryKeyString());

    Task<Guid> IGuidKeyGrain.Key() => Task.FromResult(this.GetPrimaryKey());

    Task<long> ILongKeyGrain.Key() => Task.FromResult(this.GetPrimaryKeyLong());

    Task<string> IGuidCompoundKeyGrain.Describe() => Task.FromResult($"{this.GetPrimaryKey(out var extension)}|{extension}");

    Task<string> ILongCompoundKeyGrain.Describe() => Task.FromResult($"{this.GetPrimaryKeyLong(out var extension)}|{extension}");
}
