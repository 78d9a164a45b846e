using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Emits the codec of a [GenerateSerializer] type. Wire layout: member [Id(n)] is field n + 1; field 0 holds
/// the [GenerateSerializer] base type's members as a nested object, so each level of a hierarchy versions
/// independently.
/// </summary>
internal static class CodecEmitter
{
    public static string Emit(SerializableTypeModel model, string codecName, string generatedNamespace)
    {
        var writer = GeneratedFile.Start(generatedNamespace);
        var baseClass = model.IsValueType ? "StructCodec" : "ObjectCodec";
        writer.Line("/// <summary>Generated codec of <c>" + XmlText(model.TypeName) + "</c>.</summary>");
        writer.Open("internal sealed class " + codecName + " : global::Granary.Serialization." + baseClass + "<" + model.TypeName + ">");
        AccessorEmitter.Emit(writer, model);
        EmitWriteFields(writer, model);
        writer.Line();
        CodecReadEmitter.EmitReadFields(writer, model);
        writer.Close();
        return writer.ToString();
    }

    public static string XmlText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static void EmitWriteFields(SourceWriter writer, SerializableTypeModel model)
    {
        writer.Line("/// <inheritdoc />");
        writer.Open("public override void WriteFields(global::Granary.Serialization.GranaryWriter writer, " + model.TypeName + " value)");
        EmitLevelWrites(writer, model, 0);
        writer.Close();
    }

    /// <summary>Writes the base level nested in field 0 first, then this level's members.</summary>
    private static void EmitLevelWrites(SourceWriter writer, SerializableTypeModel model, int level)
    {
        if (level + 1 < model.Levels.Count)
        {
            writer.Line("writer.WriteStartObject(0);");
            EmitLevelWrites(writer, model, level + 1);
            writer.Line("writer.WriteEndObject();");
        }

        var typeLevel = model.Levels[level];
        foreach (var member in typeLevel.Members)
        {
            var value = MemberExpressions.Read(typeLevel, level, member, "value");
            writer.Line(MemberExpressions.CodecOf(member.TypeName) + ".WriteField(writer, " + (member.Id + 1) + ", " + value + ");");
        }
    }
}
