using System.Linq;
using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Emits the proxy of a grain interface: a GrainReference that turns each call into an invokable and hands
/// it to the runtime. Methods are implemented explicitly, so interface methods cannot clash with
/// GrainReference's own members.
/// </summary>
internal static class ProxyEmitter
{
    public static void Emit(SourceWriter writer, GrainInterfaceModel model, GeneratedNames names)
    {
        var proxyName = names.Proxy(model.Name);
        writer.Line("/// <summary>Generated proxy of <c>" + CodecEmitter.XmlText(model.Name.TypeName) + "</c>.</summary>");
        writer.Open("internal sealed class " + proxyName + " : global::Granary.Runtime.GrainReference, " + model.Name.TypeName);
        writer.Line("public " + proxyName + "(global::Granary.Runtime.GrainId grainId, global::Granary.Runtime.IGrainReferenceRuntime runtime)");
        writer.Line("    : base(grainId, runtime)");
        writer.Open();
        writer.Close();
        writer.Line();
        writer.Line("public override global::System.Type InterfaceType => typeof(" + model.Name.TypeName + ");");
        foreach (var method in model.Methods)
        {
            writer.Line();
            EmitMethod(writer, method, names);
        }

        writer.Close();
    }

    private static void EmitMethod(SourceWriter writer, GrainMethodModel method, GeneratedNames names)
    {
        var typeParameters = method.TypeParameters.Count == 0 ? "" : "<" + string.Join(", ", method.TypeParameters) + ">";
        var parameters = method.Parameters.Select(p => p.Modifier + p.TypeName + " " + p.Name);
        writer.Line(method.ReturnTypeName + " " + method.DeclaringInterface.TypeName + "." + Analysis.SymbolNames.Identifier(method.Name) + typeParameters + "(" + string.Join(", ", parameters) + ")");
        writer.Line("    => " + Body(method, names) + ";");
    }

    private static string Body(GrainMethodModel method, GeneratedNames names)
    {
        // The generator already reported an error for this method; the proxy still compiles so that error is the only one.
        if (!method.IsSupported) return "throw new global::System.NotSupportedException(\"" + method.Name + " cannot be called remotely; see the Granary diagnostic.\")";
        var request = Request(method, names.Invokable(method));
        return method.ReturnKind switch
        {
            ReturnKind.Task when method.IsOneWay => "InvokeOneWay(" + request + ")",
            ReturnKind.ValueTask when method.IsOneWay => "new global::System.Threading.Tasks.ValueTask(InvokeOneWay(" + request + "))",
            ReturnKind.Task => "InvokeTask(" + request + ")",
            ReturnKind.TaskOfT => "InvokeTask<" + method.ResultTypeName + ">(" + request + ")",
            ReturnKind.ValueTask => "InvokeValueTask(" + request + ")",
            ReturnKind.ValueTaskOfT => "InvokeValueTask<" + method.ResultTypeName + ">(" + request + ")",
            _ => "InvokeAsyncEnumerable<" + method.ResultTypeName + ">(" + request + ")",
        };
    }

    private static string Request(GrainMethodModel method, string invokableName)
    {
        var index = 0;
        var assignments = method.Parameters
            .Where(p => !p.IsCancellationToken)
            .Select(p => "arg" + index++ + " = " + p.Name)
            .ToList();
        var token = method.Parameters.FirstOrDefault(p => p.IsCancellationToken);
        if (token is not null) assignments.Add("CancellationToken = " + token.Name);
        return assignments.Count == 0 ? "new " + invokableName + "()" : "new " + invokableName + " { " + string.Join(", ", assignments) + " }";
    }
}
