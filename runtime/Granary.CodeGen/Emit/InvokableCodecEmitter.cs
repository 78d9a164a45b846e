using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>Emits the message codec of an invokable: argument i is wire field i + 1, like an [Id(i)] member.</summary>
internal static class InvokableCodecEmitter
{
    public static void Emit(SourceWriter writer, GrainMethodModel method, string invokableName, string codecName)
    {
        var arguments = InvokableEmitter.Arguments(method);
        writer.Line("/// <summary>Generated codec of <see cref=\"" + invokableName + "\"/>.</summary>");
        writer.Open("internal sealed class " + codecName + " : global::Granary.Serialization.ObjectCodec<" + invokableName + ">");
        writer.Open("public override void WriteFields(global::Granary.Serialization.GranaryWriter writer, " + invokableName + " value)");
        foreach (var (parameter, index) in arguments)
        {
            writer.Line(MemberExpressions.CodecOf(parameter.TypeName) + ".WriteField(writer, " + (index + 1) + ", value.arg" + index + ");");
        }

        writer.Close();
        writer.Line();
        writer.Open("public override " + invokableName + " ReadFields(global::Granary.Serialization.GranaryReader reader)");
        writer.Line("var result = new " + invokableName + "();");
        writer.Open("while (true)");
        writer.Line("var field = reader.ReadFieldHeader();");
        writer.Line("if (field.IsEndObject) break;");
        writer.Open("switch (field.Id)");
        foreach (var (parameter, index) in arguments)
        {
            writer.Line("case " + (index + 1) + ": result.arg" + index + " = " + MemberExpressions.CodecOf(parameter.TypeName) + ".ReadValue(reader, field.WireType); break;");
        }

        writer.Line("default: reader.SkipField(field.WireType); break;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return result;");
        writer.Close();
        writer.Close();
    }
}
