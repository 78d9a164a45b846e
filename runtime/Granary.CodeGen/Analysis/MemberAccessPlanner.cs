using Granary.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Granary.CodeGen.Analysis;

/// <summary>
/// Decides how generated code reads and writes a member: directly when it is visible, otherwise through
/// [UnsafeAccessor] externs, which reach private and init-only members without reflection.
/// </summary>
internal static class MemberAccessPlanner
{
    public static MemberModel? Plan(IdMember member, IAssemblySymbol from) => member.Symbol switch
    {
        IFieldSymbol field => PlanField(field, member.Id!.Value, from),
        IPropertySymbol property => PlanProperty(property, member.Id!.Value, from),
        _ => null,
    };

    private static MemberModel PlanField(IFieldSymbol field, uint id, IAssemblySymbol from)
    {
        var visible = SymbolNames.IsVisible(field, from);
        return new MemberModel(
            field.Name,
            id,
            SymbolNames.Annotated(field.Type),
            visible ? MemberAccess.Direct : MemberAccess.Field,
            visible && !field.IsReadOnly ? MemberAccess.Direct : MemberAccess.Field,
            field.Name);
    }

    private static MemberModel? PlanProperty(IPropertySymbol property, uint id, IAssemblySymbol from)
    {
        // A write-only property has nothing to send.
        if (property.GetMethod is not { } getter) return null;
        var visible = SymbolNames.IsVisible(property, from);
        var read = visible && SymbolNames.IsVisible(getter, from) ? MemberAccess.Direct : MemberAccess.AccessorMethod;
        var (write, storage) = PlanPropertyWrite(property, visible, from);
        return new MemberModel(property.Name, id, SymbolNames.Annotated(property.Type), read, write, storage);
    }

    private static (MemberAccess Write, string Storage) PlanPropertyWrite(IPropertySymbol property, bool visible, IAssemblySymbol from)
    {
        if (property.SetMethod is { } setter)
        {
            // Init-only setters are callable only from object initializers; the accessor keeps a missing
            // field from overwriting the property's initializer.
            var direct = visible && !setter.IsInitOnly && SymbolNames.IsVisible(setter, from);
            return (direct ? MemberAccess.Direct : MemberAccess.AccessorMethod, setter.Name);
        }

        if (MemberFinder.BackingField(property) is { } field) return (MemberAccess.Field, field.Name);
        if (MemberFinder.IsAutoProperty(property)) return (MemberAccess.Field, "<" + property.Name + ">k__BackingField");
        return (MemberAccess.None, "");
    }
}
