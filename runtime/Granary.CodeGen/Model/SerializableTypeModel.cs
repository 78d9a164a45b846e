namespace Granary.CodeGen.Model;

/// <summary>What the codec of one [GenerateSerializer] class, record or struct needs to know.</summary>
/// <param name="Levels">Level 0 is the type itself, level 1 its [GenerateSerializer] base, and so on up the hierarchy.</param>
internal sealed record SerializableTypeModel(
    TypeIdentity Identity,
    bool IsValueType,
    EquatableArray<TypeLevel> Levels,
    Construction Construction)
{
    /// <summary>Fully qualified, without nullable annotation (usable in typeof and generic arguments).</summary>
    public string TypeName => Identity.TypeName;
}

/// <summary>The serialized members one class of a hierarchy declares.</summary>
internal sealed record TypeLevel(string DeclaringTypeName, bool IsValueType, EquatableArray<MemberModel> Members);

/// <summary>One [Id] member.</summary>
/// <param name="Name">The member's name in source.</param>
/// <param name="TypeName">Fully qualified, with nullable annotations.</param>
/// <param name="StorageName">For <see cref="MemberAccess.Field"/>: the field (or auto-property backing field) to reach by accessor.</param>
internal sealed record MemberModel(
    string Name,
    uint Id,
    string TypeName,
    MemberAccess Read,
    MemberAccess Write,
    string StorageName);

/// <summary>How generated code reaches a member.</summary>
internal enum MemberAccess
{
    /// <summary>Plain member access: the member is visible to generated code.</summary>
    Direct,

    /// <summary>Through the property's accessor method by [UnsafeAccessor] (private getter, private or init setter).</summary>
    AccessorMethod,

    /// <summary>Through a ref to the storage field by [UnsafeAccessor] (private or readonly fields, get-only auto-properties).</summary>
    Field,

    /// <summary>Set by the constructor call or object initializer, not afterwards.</summary>
    Constructor,

    /// <summary>Cannot be set (a computed property): written, read and discarded.</summary>
    None,
}

/// <summary>How ReadFields creates the instance.</summary>
/// <param name="Arguments">Constructor arguments: a member local (level, member index) or a default expression.</param>
/// <param name="RequiredMembers">Members set in an object initializer because they are `required`.</param>
internal sealed record Construction(
    ConstructionKind Kind,
    EquatableArray<ConstructorArgument> Arguments,
    EquatableArray<MemberRef> RequiredMembers);

internal enum ConstructionKind
{
    /// <summary>`new T(args)`: the primary constructor of a positional record, or an accessible parameterless constructor.</summary>
    Constructor,

    /// <summary>A private parameterless constructor, called by [UnsafeAccessor].</summary>
    PrivateConstructor,

    /// <summary>No usable constructor: an uninitialized instance whose members are then set.</summary>
    Uninitialized,

    /// <summary>An abstract type: only its derived types are ever read, each by its own codec.</summary>
    Abstract,
}

/// <summary>A constructor argument: the local of a member, or <see cref="DefaultExpression"/> when no member feeds it.</summary>
internal sealed record ConstructorArgument(MemberRef? Member, string DefaultExpression);

/// <summary>Points at a member of a level.</summary>
internal sealed record MemberRef(int Level, int Index);
