using System.Collections.Immutable;
using Granary.CodeGen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Granary.CodeGen.Tests;

/// <summary>Compiles C# snippets in memory against Granary.Abstractions and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Granary;
        global using Granary.Concurrency;
        global using Granary.Serialization;

        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static GeneratorRun Run(string source, string assemblyName = "Test.Assembly")
    {
        var compilation = Compile(source, assemblyName);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), generatorDiagnostics, output);
    }

    /// <summary>A driver that has run once over <paramref name="source"/>, for tests of what a second run recomputes.</summary>
    public static (GeneratorDriver Driver, Compilation Compilation) Start(string source)
    {
        var compilation = Compile(source, "Test.Assembly");
        return (CreateDriver().RunGenerators(compilation), compilation);
    }

    private static CSharpCompilation Compile(string source, string assemblyName) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(Usings, ParseOptions, "Usings.cs"), CSharpSyntaxTree.ParseText(source, ParseOptions, "Input.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new GranaryGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(Grain).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> GeneratorDiagnostics, Compilation Output)
{
    public IEnumerable<string> DiagnosticIds => GeneratorDiagnostics.Select(d => d.Id);

    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>
    /// Errors anywhere, and warnings in generated files, as a consumer building with TreatWarningsAsErrors
    /// would see them. Warnings of the snippets themselves (missing XML docs) are not the generator's.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && IsGenerated(d)))
            .ToList();

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath is { } path && path.EndsWith(".g.cs", StringComparison.Ordinal);

    /// <summary>Fails with the generated text when the output does not compile cleanly, so the failure shows what was wrong.</summary>
    public void AssertCompilesCleanly()
    {
        var problems = CompilationProblems;
        if (problems.Count == 0) return;
        var text = string.Join("\n", problems.Select(p => p.ToString()));
        var sources = string.Join("\n\n", Sources.Select(s => "// ==== " + s.Key + "\n" + s.Value));
        Assert.Fail("Generated code does not compile cleanly:\n" + text + "\n\n" + sources);
    }
}
