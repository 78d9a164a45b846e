namespace Granary.CodeGen.Tests;

/// <summary>Representative valid inputs must produce code that compiles with no errors and no warnings.</summary>
public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void GrainInterfaceWithEveryReturnShapeCompiles()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            [GenerateSerializer]
            public sealed record Item([property: Id(0)] string Sku, [property: Id(1)] int Quantity);

            public interface ICartGrain : IGrainWithStringKey
            {
                Task Clear();
                Task<int> Count();
                ValueTask Touch(CancellationToken cancellationToken);
                ValueTask<Item?> Find(string sku, CancellationToken cancellationToken = default);
                [OneWay] Task Ping(int sequence);
                [ReadOnly, AlwaysInterleave] Task<IReadOnlyList<Item>> Items();
                IAsyncEnumerable<Item> Watch(int fromVersion, CancellationToken cancellationToken);
                Task Add(Item item);
                Task Add(Item item, int times);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        run.AssertCompilesCleanly();
        Assert.Contains("Proxy_ICartGrain.g.cs", run.Sources.Keys);
        Assert.Contains("Invokable_ICartGrain_Add_7.g.cs", run.Sources.Keys);
        Assert.Contains("Invokable_ICartGrain_Add_8.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void InheritedGrainInterfacesAndGrainClassesCompileAndRegister()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            public interface IGreeter : IGrainWithGuidKey { Task<string> Hello(string @class); }
            public interface IPoliteGreeter : IGreeter { Task Bye(); }
            public interface IListener : IGrainObserver { Task Notify(Guid id); }

            public sealed class PoliteGreeterGrain : Grain, IPoliteGreeter
            {
                public Task<string> Hello(string @class) => Task.FromResult(@class);
                public Task Bye() => Task.CompletedTask;
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        run.AssertCompilesCleanly();
        var metadata = run.Sources["GranaryMetadata.g.cs"];
        Assert.Contains("[assembly: global::Granary.Metadata.GranaryMetadataProvider(typeof(global::Granary.Generated.Test_Assembly.GranaryMetadata_Test_Assembly))]", metadata);
        Assert.Contains("builder.AddProxy<global::Shop.IPoliteGreeter>(static (id, runtime) => new Proxy_IPoliteGreeter(id, runtime));", metadata);
        Assert.Contains("builder.AddProxy<global::Shop.IListener>", metadata);
        Assert.Contains("builder.AddGrainClass(typeof(global::Shop.PoliteGreeterGrain));", metadata);
        Assert.Contains("global::Shop.IGreeter.Hello(string @class)", run.Sources["Proxy_IPoliteGreeter.g.cs"]);
    }

    [Fact]
    public void SerializableShapesCompile()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            [GenerateSerializer]
            public enum Color { Red, Green }

            [GenerateSerializer]
            public abstract class Animal
            {
                [Id(0)] public string Name { get; set; } = "unnamed";
                [Id(1)] private int _legs;
                public int Legs => _legs;
            }

            [GenerateSerializer]
            public class Dog : Animal
            {
                [Id(0)] public Color Color { get; init; } = Color.Green;
                [Id(1)] public string? Nick;
                [Id(2)] public List<Dog>? Friends { get; set; }
                [Id(3)] public int Age { get; }
                [NonSerialized] public int Cache;
            }

            [GenerateSerializer]
            public record Pet([property: Id(0)] string Name);

            [GenerateSerializer]
            public sealed record Puppy([Id(0)] int Weeks, string Name, [Id(1)] string Mother = "Lassie") : Pet(Name)
            {
                [Id(2)] public int? Weight { get; init; }
                [Id(3)] public required string Owner { get; set; }
            }

            [GenerateSerializer]
            public readonly record struct Point([property: Id(0)] int X, [property: Id(1)] int Y);

            [GenerateSerializer]
            public struct Mutable
            {
                [Id(0)] public int A;
                [Id(1)] private readonly string _b;
                public Mutable(string b) { A = 0; _b = b; }
            }

            [GenerateSerializer]
            public sealed class NoDefaultConstructor
            {
                public NoDefaultConstructor(int x) { X = x; }
                [Id(0)] public int X { get; }
            }

            [GenerateSerializer]
            public sealed class PrivateConstructor
            {
                private PrivateConstructor() { }
                [Id(0)] public int X { get; private set; }
            }

            public static class Outer
            {
                [GenerateSerializer]
                internal sealed class Nested { [Id(0)] internal int @event; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.Sources.Keys, k => k.Contains("Color", StringComparison.Ordinal));
        Assert.Contains("new global::Shop.Puppy(m0_0, m1_0, m0_1) { Owner = m0_3 }", run.Sources["Codec_Puppy.g.cs"]);
        Assert.Contains("builder.AddCodec<global::Shop.Outer.Nested>(new Codec_Outer_Nested());", run.Sources["GranaryMetadata.g.cs"]);
    }

    [Fact]
    public void SimpleNameCollisionsFallBackToQualifiedNames()
    {
        var run = GeneratorHarness.Run("""
            namespace A { [GenerateSerializer] public sealed class Money { [Id(0)] public decimal Amount { get; set; } } }
            namespace B { [GenerateSerializer] public sealed class Money { [Id(0)] public decimal Amount { get; set; } } }
            """);

        run.AssertCompilesCleanly();
        Assert.Contains("Codec_A_Money.g.cs", run.Sources.Keys);
        Assert.Contains("Codec_B_Money.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void AssemblyWithNothingToRegisterGetsNoMetadata()
    {
        var run = GeneratorHarness.Run("namespace Plain; public sealed class Nothing { public int Value { get; set; } }");

        Assert.Empty(run.Sources);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void GeneratedNamespaceFollowsTheAssemblyName()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public interface IPing : IGrainWithIntegerKey { Task Ping(); }
            """, assemblyName: "Shop.Interfaces-V2");

        run.AssertCompilesCleanly();
        Assert.Contains("namespace Granary.Generated.Shop_Interfaces_V2;", run.Sources["Proxy_IPing.g.cs"]);
    }
}
