using System.Collections.Immutable;
using Granary.CodeGen.Analysis;
using Granary.CodeGen.Emit;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Granary.CodeGen;

/// <summary>
/// Generates codecs for [GenerateSerializer] types, invokables and proxies for grain interfaces, and the
/// assembly's metadata provider. Symbol work happens per declaration in cached transforms; only the cheap
/// text emission sees the whole assembly (it needs it for unique names and the single registration class).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GranaryGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var serializableTypes = context.SyntaxProvider.ForAttributeWithMetadataName(
            KnownNames.GenerateSerializerAttribute,
            static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax or EnumDeclarationSyntax,
            static (syntax, _) => SerializableTypeReader.Read((INamedTypeSymbol)syntax.TargetSymbol, syntax.SemanticModel.Compilation.Assembly));

        // Grain interfaces carry no attribute: any interface with a base list may derive from IGrain.
        var grainInterfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) =>
                    syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is INamedTypeSymbol type && GrainInterfaceReader.IsGrainInterface(type)
                        ? GrainInterfaceReader.Read(type, syntax.SemanticModel.Compilation.Assembly)
                        : null)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);

        var grainClasses = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) =>
                    syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is INamedTypeSymbol type
                        ? GrainClassReader.Read(type, syntax.SemanticModel.Compilation.Assembly)
                        : null)
            .Where(static name => name is not null)
            .Select(static (name, _) => name!);

        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Assembly");

        var input = serializableTypes.Collect()
            .Combine(grainInterfaces.Collect())
            .Combine(grainClasses.Collect())
            .Combine(assemblyName)
            .Select(static (all, _) => new AssemblyInput(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right));

        context.RegisterSourceOutput(input, static (context, assembly) => AssemblyEmitter.Emit(context, assembly));
    }
}
