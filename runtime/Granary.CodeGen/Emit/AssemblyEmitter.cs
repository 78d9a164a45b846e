using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Emit;

/// <summary>Everything the generator found in one compilation.</summary>
internal sealed record AssemblyInput(
    ImmutableArray<WithDiagnostics<SerializableTypeModel>> SerializableTypes,
    ImmutableArray<WithDiagnostics<GrainInterfaceModel>> GrainInterfaces,
    ImmutableArray<string> GrainClasses,
    string AssemblyName);

/// <summary>Reports diagnostics and adds every generated file of an assembly.</summary>
internal static class AssemblyEmitter
{
    public static void Emit(SourceProductionContext context, AssemblyInput input)
    {
        foreach (var diagnostic in input.SerializableTypes.SelectMany(t => t.Diagnostics).Concat(input.GrainInterfaces.SelectMany(i => i.Diagnostics)).Distinct())
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        // Partial declarations surface the same type more than once.
        var types = input.SerializableTypes.Select(t => t.Value).OfType<SerializableTypeModel>().GroupBy(t => t.TypeName).Select(g => g.First()).ToList();
        var interfaces = input.GrainInterfaces.Select(i => i.Value).OfType<GrainInterfaceModel>().GroupBy(i => i.Name.TypeName).Select(g => g.First()).ToList();
        var methods = interfaces.SelectMany(i => i.Methods).Where(m => m.IsSupported).GroupBy(m => m.Key).Select(g => g.First()).ToList();
        var names = new GeneratedNames(types.Select(t => t.Identity).Concat(interfaces.Select(i => i.Name)).Concat(methods.Select(m => m.DeclaringInterface)));
        var ns = GeneratedFile.NamespaceFor(input.AssemblyName);
        var registrations = new List<string>();

        foreach (var type in types)
        {
            var codecName = names.Codec(type.Identity);
            context.AddSource(codecName + ".g.cs", CodecEmitter.Emit(type, codecName, ns));
            registrations.Add(MetadataEmitter.Codec(type.TypeName, codecName));
        }

        foreach (var method in methods)
        {
            var invokableName = names.Invokable(method);
            var codecName = names.InvokableCodec(method);
            var writer = GeneratedFile.Start(ns);
            InvokableEmitter.Emit(writer, method, invokableName);
            writer.Line();
            InvokableCodecEmitter.Emit(writer, method, invokableName, codecName);
            context.AddSource(invokableName + ".g.cs", writer.ToString());
            registrations.Add(MetadataEmitter.Codec(invokableName, codecName));
        }

        foreach (var model in interfaces)
        {
            var writer = GeneratedFile.Start(ns);
            ProxyEmitter.Emit(writer, model, names);
            context.AddSource(names.Proxy(model.Name) + ".g.cs", writer.ToString());
            registrations.Add(MetadataEmitter.Proxy(model.Name, names.Proxy(model.Name)));
        }

        registrations.AddRange(input.GrainClasses.Distinct().OrderBy(c => c, System.StringComparer.Ordinal).Select(MetadataEmitter.GrainClass));
        if (registrations.Count == 0) return;
        var token = GeneratedFile.AssemblyToken(input.AssemblyName);
        context.AddSource("GranaryMetadata.g.cs", MetadataEmitter.Emit(ns, token, registrations));
    }
}
