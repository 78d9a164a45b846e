using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Emits [UnsafeAccessor] externs for members generated code cannot name: private fields, init-only and
/// private setters, get-only auto-properties. The runtime binds them at JIT time, with no reflection.
/// </summary>
internal static class AccessorEmitter
{
    private const string Attribute = "[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.";

    public static void Emit(SourceWriter writer, SerializableTypeModel model)
    {
        for (var level = 0; level < model.Levels.Count; level++)
        {
            var typeLevel = model.Levels[level];
            var target = (typeLevel.IsValueType ? "ref " : "") + typeLevel.DeclaringTypeName + " target";
            foreach (var member in typeLevel.Members)
            {
                if (member.Read == MemberAccess.AccessorMethod)
                {
                    Extern(writer, "Method, Name = \"get_" + member.Name + "\")]", member.TypeName + " " + MemberExpressions.Getter(level, member) + "(" + target + ")");
                }

                if (member.Read == MemberAccess.Field || member.Write == MemberAccess.Field)
                {
                    Extern(writer, "Field, Name = \"" + member.StorageName + "\")]", "ref " + member.TypeName + " " + MemberExpressions.FieldRef(level, member) + "(" + target + ")");
                }

                if (member.Write == MemberAccess.AccessorMethod)
                {
                    Extern(writer, "Method, Name = \"" + member.StorageName + "\")]", "void " + MemberExpressions.Setter(level, member) + "(" + target + ", " + member.TypeName + " value)");
                }
            }
        }

        if (model.Construction.Kind == ConstructionKind.PrivateConstructor)
        {
            Extern(writer, "Constructor)]", model.TypeName + " Construct()");
        }
    }

    private static void Extern(SourceWriter writer, string attributeTail, string signature)
    {
        writer.Line(Attribute + attributeTail);
        writer.Line("private static extern " + signature + ";");
        writer.Line();
    }
}
