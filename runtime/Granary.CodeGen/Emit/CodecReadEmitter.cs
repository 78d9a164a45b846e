using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Analysis;
using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Emits ReadFields: read every field into locals (skipping unknown ones, which is what makes old readers
/// tolerate new writers), then construct the instance and set only the members that were present, so
/// constructor defaults and property initializers survive fields an older writer did not send.
/// </summary>
internal static class CodecReadEmitter
{
    public static void EmitReadFields(SourceWriter writer, SerializableTypeModel model)
    {
        writer.Line("/// <inheritdoc />");
        writer.Open("public override " + model.TypeName + " ReadFields(global::Granary.Serialization.GranaryReader reader)");
        if (model.Construction.Kind == ConstructionKind.Abstract)
        {
            writer.Line("throw new global::System.NotSupportedException(\"" + model.TypeName.Replace("global::", "") + " is abstract; only its derived types are read.\");");
            writer.Close();
            return;
        }

        DeclareLocals(writer, model);
        EmitFieldLoop(writer, model, 0, "field");
        writer.Line();
        EmitConstruction(writer, model);
        EmitAssignments(writer, model);
        writer.Line("return result;");
        writer.Close();
    }

    private static void DeclareLocals(SourceWriter writer, SerializableTypeModel model)
    {
        var constructorDefaults = model.Construction.Arguments
            .Where(a => a.Member is not null)
            .ToDictionary(a => a.Member!, a => a.DefaultExpression);
        for (var level = 0; level < model.Levels.Count; level++)
        {
            var members = model.Levels[level].Members;
            for (var index = 0; index < members.Count; index++)
            {
                // A missing constructor-bound member takes the parameter's default, as a caller omitting it would.
                var initial = constructorDefaults.TryGetValue(new MemberRef(level, index), out var fallback) ? fallback : "default!";
                writer.Line(members[index].TypeName + " " + MemberExpressions.Local(level, index) + " = " + initial + ";");
                if (SetAfterConstruction(members[index])) writer.Line("var " + MemberExpressions.Present(level, index) + " = false;");
            }
        }
    }

    /// <summary>Reads fields until the object's end; a base level's fields arrive nested in field 0.</summary>
    private static void EmitFieldLoop(SourceWriter writer, SerializableTypeModel model, int level, string field)
    {
        writer.Open("while (true)");
        writer.Line("var " + field + " = reader.ReadFieldHeader();");
        writer.Line("if (" + field + ".IsEndObject) break;");
        writer.Open("switch (" + field + ".Id)");
        if (level + 1 < model.Levels.Count) EmitBaseCase(writer, model, level, field);
        var members = model.Levels[level].Members;
        for (var index = 0; index < members.Count; index++)
        {
            var member = members[index];
            writer.Line("case " + (member.Id + 1) + ":");
            writer.Line("    " + MemberExpressions.Local(level, index) + " = " + MemberExpressions.CodecOf(member.TypeName) + ".ReadValue(reader, " + field + ".WireType);");
            if (SetAfterConstruction(member)) writer.Line("    " + MemberExpressions.Present(level, index) + " = true;");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line("    reader.SkipField(" + field + ".WireType);");
        writer.Line("    break;");
        writer.Close();
        writer.Close();
    }

    private static void EmitBaseCase(SourceWriter writer, SerializableTypeModel model, int level, string field)
    {
        writer.Line("case 0:");
        writer.Open();
        writer.Open("if (" + field + ".WireType != global::Granary.Serialization.WireType.StartObject)");
        writer.Line("reader.SkipField(" + field + ".WireType);");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        writer.Line("reader.EnterObject();");
        EmitFieldLoop(writer, model, level + 1, "field" + (level + 1));
        writer.Line("reader.ExitObject();");
        writer.Line("break;");
        writer.Close();
    }

    private static void EmitConstruction(SourceWriter writer, SerializableTypeModel model)
    {
        var construction = model.Construction;
        switch (construction.Kind)
        {
            case ConstructionKind.PrivateConstructor:
                writer.Line("var result = Construct();");
                return;
            case ConstructionKind.Uninitialized:
                writer.Line("var result = (" + model.TypeName + ")global::System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(" + model.TypeName + "));");
                return;
        }

        var arguments = construction.Arguments.Select(a => a.Member is { } m ? MemberExpressions.Local(m.Level, m.Index) : a.DefaultExpression);
        var initializers = construction.RequiredMembers
            .Select(r => SymbolNames.Identifier(model.Levels[r.Level].Members[r.Index].Name) + " = " + MemberExpressions.Local(r.Level, r.Index))
            .ToList();
        var initializer = initializers.Count == 0 ? "" : " { " + string.Join(", ", initializers) + " }";
        writer.Line("var result = new " + model.TypeName + "(" + string.Join(", ", arguments) + ")" + initializer + ";");
    }

    private static void EmitAssignments(SourceWriter writer, SerializableTypeModel model)
    {
        for (var level = 0; level < model.Levels.Count; level++)
        {
            var typeLevel = model.Levels[level];
            for (var index = 0; index < typeLevel.Members.Count; index++)
            {
                var statement = MemberExpressions.Write(typeLevel, level, typeLevel.Members[index], "result", MemberExpressions.Local(level, index));
                if (statement is not null) writer.Line("if (" + MemberExpressions.Present(level, index) + ") " + statement);
            }
        }
    }

    private static bool SetAfterConstruction(MemberModel member) => member.Write is not (MemberAccess.Constructor or MemberAccess.None);
}
