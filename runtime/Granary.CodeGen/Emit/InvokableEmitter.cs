using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Emits the invokable of a grain method: its arguments as fields (so the message codec is a plain object
/// codec) and a direct interface call, so the call path needs no reflection.
/// </summary>
internal static class InvokableEmitter
{
    private const string ValueTaskOfObject = "global::System.Threading.Tasks.ValueTask<object?>";

    public static void Emit(SourceWriter writer, GrainMethodModel method, string className)
    {
        var arguments = Arguments(method);
        var baseClass = method.ReturnKind == ReturnKind.AsyncEnumerable
            ? "global::Granary.Invocation.AsyncEnumerableInvokable<" + method.ResultTypeName + ">"
            : "global::Granary.Invocation.Invokable";
        writer.Line("/// <summary>Generated invokable of <c>" + CodecEmitter.XmlText(method.DeclaringInterface.TypeName + "." + method.Name) + "</c>.</summary>");
        writer.Open("internal sealed class " + className + " : " + baseClass);
        foreach (var (parameter, index) in arguments) writer.Line("public " + parameter.TypeName + " arg" + index + " = default!;");
        if (arguments.Count > 0) writer.Line();
        EmitProperties(writer, method, arguments.Count);
        EmitGetArgument(writer, arguments);
        writer.Line();
        EmitSetArgument(writer, arguments);
        writer.Line();
        InvokeEmitter.Emit(writer, method);
        writer.Close();
    }

    /// <summary>The serialized parameters with their argument index; CancellationTokens are not arguments.</summary>
    public static List<(GrainParameterModel Parameter, int Index)> Arguments(GrainMethodModel method) =>
        method.Parameters.Where(p => !p.IsCancellationToken).Select((p, i) => (p, i)).ToList();

    private static void EmitProperties(SourceWriter writer, GrainMethodModel method, int argumentCount)
    {
        writer.Line("public override string MethodName => \"" + method.Name + "\";");
        writer.Line();
        writer.Line("public override global::System.Type InterfaceType => typeof(" + method.DeclaringInterface.TypeName + ");");
        writer.Line();
        if (method.Options.Length > 0)
        {
            writer.Line("public override global::Granary.Invocation.InvokeMethodOptions Options => " + method.Options + ";");
            writer.Line();
        }

        writer.Line("public override int ArgumentCount => " + argumentCount + ";");
        writer.Line();
        writer.Line("public override bool ArgumentsAreImmutable => " + (method.ArgumentsAreImmutable ? "true" : "false") + ";");
        writer.Line();
        if (method.Parameters.Any(p => p.IsCancellationToken))
        {
            writer.Line("public override bool IsCancellable => true;");
            writer.Line();
        }
    }

    private static void EmitGetArgument(SourceWriter writer, List<(GrainParameterModel Parameter, int Index)> arguments)
    {
        writer.Open("public override object? GetArgument(int index)");
        writer.Open("switch (index)");
        foreach (var (_, index) in arguments) writer.Line("case " + index + ": return arg" + index + ";");
        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
        writer.Close();
        writer.Close();
    }

    private static void EmitSetArgument(SourceWriter writer, List<(GrainParameterModel Parameter, int Index)> arguments)
    {
        writer.Open("public override void SetArgument(int index, object? value)");
        writer.Open("switch (index)");
        foreach (var (parameter, index) in arguments) writer.Line("case " + index + ": arg" + index + " = (" + parameter.TypeName + ")value!; break;");
        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
        writer.Close();
        writer.Close();
    }

    /// <summary>The interface call: arguments from the fields, the token from the invokable.</summary>
    public static string Call(GrainMethodModel method)
    {
        var argumentIndex = 0;
        var arguments = method.Parameters.Select(p => p.IsCancellationToken ? "this.CancellationToken" : "this.arg" + argumentIndex++);
        return "((" + method.DeclaringInterface.TypeName + ")target)." + Analysis.SymbolNames.Identifier(method.Name) + "(" + string.Join(", ", arguments) + ")";
    }

    public static string ValueTaskOfObjectType => ValueTaskOfObject;
}
