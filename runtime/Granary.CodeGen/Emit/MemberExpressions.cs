using Granary.CodeGen.Analysis;
using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>How generated codecs name a member's local, its accessors, and reads or writes it on an instance.</summary>
internal static class MemberExpressions
{
    public const string Codecs = "global::Granary.Serialization.Codecs";

    public static string Local(int level, int index) => "m" + level + "_" + index;

    public static string Present(int level, int index) => "has" + level + "_" + index;

    public static string Getter(int level, MemberModel member) => "Get_" + level + "_" + member.Name;

    public static string Setter(int level, MemberModel member) => "Set_" + level + "_" + member.Name;

    public static string FieldRef(int level, MemberModel member) => "Field_" + level + "_" + member.Name;

    public static string CodecOf(string typeName) => Codecs + ".Get<" + typeName + ">()";

    /// <summary>The member's value on <paramref name="instance"/>; base-level members go through a cast so hiding members cannot interfere.</summary>
    public static string Read(TypeLevel level, int levelIndex, MemberModel member, string instance) => member.Read switch
    {
        MemberAccess.AccessorMethod => Getter(levelIndex, member) + "(" + Target(level, instance) + ")",
        MemberAccess.Field => FieldRef(levelIndex, member) + "(" + Target(level, instance) + ")",
        _ => Upcast(level, levelIndex, instance) + "." + SymbolNames.Identifier(member.Name),
    };

    /// <summary>A statement storing <paramref name="value"/> into the member, or null when construction already set it.</summary>
    public static string? Write(TypeLevel level, int levelIndex, MemberModel member, string instance, string value) => member.Write switch
    {
        MemberAccess.Direct => Upcast(level, levelIndex, instance) + "." + SymbolNames.Identifier(member.Name) + " = " + value + ";",
        MemberAccess.AccessorMethod => Setter(levelIndex, member) + "(" + Target(level, instance) + ", " + value + ");",
        MemberAccess.Field => FieldRef(levelIndex, member) + "(" + Target(level, instance) + ") = " + value + ";",
        _ => null,
    };

    /// <summary>Accessors of structs take the instance by ref, so writes land in the caller's copy.</summary>
    private static string Target(TypeLevel level, string instance) => level.IsValueType ? "ref " + instance : instance;

    private static string Upcast(TypeLevel level, int levelIndex, string instance) =>
        levelIndex == 0 ? instance : "((" + level.DeclaringTypeName + ")" + instance + ")";
}
