using System.Text;

namespace Granary.Serialization;

/// <summary>
/// Formats wire names: <c>Ns.Type, Assembly</c>, generic arguments as <c>Ns.List`1[[Arg, ArgAssembly]], Assembly</c>,
/// array suffixes after the arguments. Aliased types are written as the bare alias (generic arguments still follow).
/// </summary>
internal static class TypeNameFormatter
{
    public static string Format(Type type)
    {
        if (type.ContainsGenericParameters || type.IsByRef || type.IsPointer)
        {
            throw new ArgumentException($"Type '{type}' is not a concrete type and has no wire name.", nameof(type));
        }

        var builder = new StringBuilder();
        AppendQualified(builder, type);
        return builder.ToString();
    }

    private static void AppendQualified(StringBuilder builder, Type type)
    {
        AppendUnqualified(builder, type);
        var assembly = AssemblyOf(type);
        if (assembly is not null) builder.Append(", ").Append(assembly);
    }

    private static void AppendUnqualified(StringBuilder builder, Type type)
    {
        if (type.IsArray)
        {
            AppendUnqualified(builder, type.GetElementType()!);
            var rank = type.GetArrayRank();
            builder.Append(type.IsSZArray ? "[]" : rank == 1 ? "[*]" : $"[{new string(',', rank - 1)}]");
            return;
        }

        if (!type.IsConstructedGenericType)
        {
            builder.Append(TypeAliases.Of(type) ?? type.FullName);
            return;
        }

        var definition = type.GetGenericTypeDefinition();
        builder.Append(TypeAliases.Of(definition) ?? definition.FullName).Append('[');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append('[');
            AppendQualified(builder, arguments[i]);
            builder.Append(']');
        }

        builder.Append(']');
    }

    /// <summary>The assembly that qualifies the whole name: the innermost element's, or none when that is aliased.</summary>
    private static string? AssemblyOf(Type type)
    {
        while (type.HasElementType) type = type.GetElementType()!;
        if (type.IsConstructedGenericType) type = type.GetGenericTypeDefinition();
        return TypeAliases.Of(type) is null ? type.Assembly.GetName().Name : null;
    }
}
