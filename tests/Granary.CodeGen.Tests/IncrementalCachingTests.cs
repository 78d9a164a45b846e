using Granary.CodeGen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Granary.CodeGen.Tests;

/// <summary>Edits that change no grain or serializable type must not re-emit anything: the models compare equal and the outputs are cached.</summary>
public sealed class IncrementalCachingTests
{
    [Fact]
    public void AnUnrelatedEditLeavesEveryOutputCached()
    {
        var source = """
            namespace Shop;
            [GenerateSerializer] public sealed record Item([property: Id(0)] string Sku);
            public interface ICart : IGrainWithStringKey { Task Add(Item item); }
            """;
        var (driver, compilation) = GeneratorHarness.Start(source);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public static class Unrelated { public const int Value = 1; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            "Expected a cached output, found " + output.Reason));
    }

    [Fact]
    public void AddingAMemberReEmits()
    {
        var (driver, compilation) = GeneratorHarness.Start("""
            namespace Shop;
            [GenerateSerializer] public sealed class Item { [Id(0)] public string Sku { get; set; } = ""; }
            """);
        var tree = compilation.SyntaxTrees.Last();
        var changed = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("""
            namespace Shop;
            [GenerateSerializer] public sealed class Item { [Id(0)] public string Sku { get; set; } = ""; [Id(1)] public int Count { get; set; } }
            """)));

        var result = driver.RunGenerators(changed).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Count", result.GeneratedSources.Single(s => s.HintName == "Codec_Item.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
