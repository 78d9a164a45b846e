using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Tests;

/// <summary>Each GRANxxx diagnostic fires on the code it describes, as an error naming the member, and not on valid code.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Gran001ReportsMethodsThatDoNotReturnAnAwaitable()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public interface ICounter : IGrainWithStringKey
            {
                int Count();
                void Reset();
                Task<int> Valid();
            }
            """);

        Assert.Equal(["GRAN001", "GRAN001"], run.DiagnosticIds);
        AssertError(run, "GRAN001", "ICounter.Count", "int");
        AssertError(run, "GRAN001", "ICounter.Reset", "void");
        AssertOnlyGranaryErrors(run);
    }

    [Fact]
    public void Gran002ReportsParametersAndResultsThatAreNotSerializable()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public sealed class Plain { public int Value { get; set; } }
            public interface IStore : IGrainWithStringKey
            {
                Task Put(Plain value);
                Task<List<Plain>> All();
                IAsyncEnumerable<Func<int>> Stream();
            }
            """);

        Assert.Equal(3, run.DiagnosticIds.Count(id => id == "GRAN002"));
        AssertError(run, "GRAN002", "parameter 'value'", "IStore.Put", "Shop.Plain");
        AssertError(run, "GRAN002", "return value", "IStore.All");
        AssertError(run, "GRAN002", "IStore.Stream", "System.Func<int>");
        AssertOnlyGranaryErrors(run);
    }

    [Fact]
    public void Gran002AcceptsEverySupportedShape()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Immutable;
            namespace Shop;
            [GenerateSerializer] public sealed record Line([property: Id(0)] string Sku);
            public enum Kind { A, B }
            public interface IOther : IGrainWithGuidKey { Task Ping(); }
            public interface IWatcher : IGrainObserver { Task Seen(int n); }
            public interface IEverything : IGrainWithStringKey
            {
                Task Scalars(bool a, char b, sbyte c, byte d, short e, ushort f, int g, uint h, long i, ulong j, float k, double l, decimal m, string n);
                Task Times(Guid a, DateTime b, DateTimeOffset c, DateOnly d, TimeOnly e, TimeSpan f, Uri g, byte[] h, Kind i, int? j, object k);
                Task Collections(Line[] a, List<Line> b, IList<Line> c, IReadOnlyList<Line> d, ICollection<Line> e, IReadOnlyCollection<Line> f, IEnumerable<Line> g);
                Task Sets(HashSet<int> a, ISet<string> b, Dictionary<string, Line> c, IDictionary<int, Line> d, IReadOnlyDictionary<Guid, Kind> e);
                Task Immutables(ImmutableArray<Line> a, ImmutableList<int> b, ImmutableHashSet<string> c, ImmutableDictionary<string, int> d, Immutable<List<Line>> e);
                Task Tuples(KeyValuePair<string, Line> a, (int, string) b, (Line Left, Kind Right, Guid Id) c);
                Task<Exception> Failure(InvalidOperationException error, CancellationToken cancellationToken);
                Task<IOther> References(IOther other, IWatcher watcher, IAddressable any);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Gran003ReportsPublicStateWithoutAnId()
    {
        var run = GeneratorHarness.Run("""
            using System.Runtime.Serialization;
            using System.Text.Json.Serialization;
            namespace Shop;
            [GenerateSerializer]
            public sealed class Order
            {
                [Id(0)] public int Number { get; set; }
                public string? Note { get; set; }
                public int Count;
                [NonSerialized] public int Cache;
                [JsonIgnore] public int Json { get; set; }
                [IgnoreDataMember] public int Ignored { get; set; }
                [field: NonSerialized] public int AutoIgnored { get; set; }
                public int Computed => Number * 2;
                private int _hidden;
                internal int Internal { get; set; }
            }

            [GenerateSerializer]
            public sealed record Receipt([property: Id(0)] string Id, string Total, [Id(1)] string Currency);
            """);

        Assert.Equal(3, run.DiagnosticIds.Count(id => id == "GRAN003"));
        AssertError(run, "GRAN003", "'Note'", "Shop.Order");
        AssertError(run, "GRAN003", "'Count'", "Shop.Order");
        AssertError(run, "GRAN003", "'Total'", "Shop.Receipt");
        AssertOnlyGranaryErrors(run);
    }

    [Fact]
    public void Gran004ReportsDuplicateIdsWithinOneType()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            [GenerateSerializer]
            public class Base { [Id(0)] public int A { get; set; } }
            [GenerateSerializer]
            public sealed class Derived : Base
            {
                // Id 0 again is fine: the base's members live in their own nested object.
                [Id(0)] public int B { get; set; }
                [Id(0)] public int C { get; set; }
            }
            """);

        Assert.Equal(["GRAN004"], run.DiagnosticIds);
        AssertError(run, "GRAN004", "'C'", "Shop.Derived", "[Id(0)]", "'B'");
    }

    [Fact]
    public void Gran005ReportsGenericMethods()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public interface IBox : IGrainWithStringKey { Task<T> Get<T>(string key); }
            """);

        Assert.Equal(["GRAN005"], run.DiagnosticIds);
        AssertError(run, "GRAN005", "IBox.Get");
        AssertOnlyGranaryErrors(run);
    }

    [Fact]
    public void Gran006ReportsByReferenceParameters()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public interface IRefs : IGrainWithStringKey
            {
                Task A(ref int value);
                Task B(out int value);
                Task C(in int value);
            }
            """);

        Assert.Equal(["GRAN006", "GRAN006", "GRAN006"], run.DiagnosticIds);
        AssertError(run, "GRAN006", "'value'", "IRefs.A", "ref");
        AssertError(run, "GRAN006", "IRefs.B", "out");
        AssertError(run, "GRAN006", "IRefs.C", "in");
        AssertOnlyGranaryErrors(run);
    }

    [Fact]
    public void Gran007ReportsOneWayMethodsWithAResult()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public interface INotify : IGrainWithStringKey
            {
                [OneWay] Task<int> Fire();
                [OneWay] ValueTask Fine();
            }
            """);

        Assert.Equal(["GRAN007"], run.DiagnosticIds);
        AssertError(run, "GRAN007", "INotify.Fire");
        AssertOnlyGranaryErrors(run);
    }

    [Fact]
    public void PlainBaseInterfacesAreCheckedOnceThroughTheGrainInterfacesInheritingThem()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public interface INamed { string Name(); }
            public interface IFirst : INamed, IGrainWithStringKey { }
            public interface ISecond : INamed, IGrainWithGuidKey { }
            """);

        Assert.Equal(["GRAN001"], run.DiagnosticIds);
        AssertError(run, "GRAN001", "INamed.Name");
        AssertOnlyGranaryErrors(run);
    }

    [Fact]
    public void DiagnosticsPointAtTheOffendingDeclaration()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;
            public interface ICounter : IGrainWithStringKey
            {
                int Count();
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Input.cs", span.Path);
        Assert.Equal(3, span.StartLinePosition.Line);
    }

    private static void AssertError(GeneratorRun run, string id, params string[] messageParts)
    {
        var matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.Contains(matching, d =>
            d.Severity == DiagnosticSeverity.Error
            && d.Descriptor.Category == "Granary"
            && messageParts.All(part => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(part, StringComparison.Ordinal)));
    }

    /// <summary>An invalid method must not also break the generated proxy: the diagnostic is the only error.</summary>
    private static void AssertOnlyGranaryErrors(GeneratorRun run) => run.AssertCompilesCleanly();
}
