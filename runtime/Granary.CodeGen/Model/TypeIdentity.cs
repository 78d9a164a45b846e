namespace Granary.CodeGen.Model;

/// <summary>A type's fully qualified name and the parts generated class names are built from.</summary>
/// <param name="TypeName">Fully qualified, global::-prefixed, without nullable annotation.</param>
/// <param name="SimpleName">Containing types and the name, joined by '_' (Outer_IFoo).</param>
/// <param name="QualifiedName">Namespace, containing types and name joined by '_', used when simple names collide.</param>
internal sealed record TypeIdentity(string TypeName, string SimpleName, string QualifiedName);
