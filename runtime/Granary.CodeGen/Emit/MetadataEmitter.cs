using System.Collections.Generic;
using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Emits the assembly's metadata provider: one Populate method registering every generated codec and
/// proxy and every grain class, found by the runtime through the assembly attribute.
/// </summary>
internal static class MetadataEmitter
{
    public static string Emit(string generatedNamespace, string assemblyToken, IEnumerable<string> registrations)
    {
        var className = "GranaryMetadata_" + assemblyToken;
        var writer = GeneratedFile.Start(
            generatedNamespace,
            "[assembly: global::Granary.Metadata.GranaryMetadataProvider(typeof(global::" + generatedNamespace + "." + className + "))]");
        writer.Line("/// <summary>Registers what Granary generated for this assembly.</summary>");
        writer.Open("internal sealed class " + className + " : global::Granary.Metadata.IGranaryMetadataProvider");
        writer.Open("public void Populate(global::Granary.Metadata.GranaryMetadataBuilder builder)");
        foreach (var registration in registrations) writer.Line(registration);
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    public static string Codec(string typeName, string codecName) => "builder.AddCodec<" + typeName + ">(new " + codecName + "());";

    public static string Proxy(TypeIdentity type, string proxyName) =>
        "builder.AddProxy<" + type.TypeName + ">(static (id, runtime) => new " + proxyName + "(id, runtime));";

    public static string GrainClass(string typeofOperand) => "builder.AddGrainClass(typeof(" + typeofOperand + "));";
}
