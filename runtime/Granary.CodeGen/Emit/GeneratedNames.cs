using System.Collections.Generic;
using System.Linq;
using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Names of generated classes. Short names (Proxy_IFoo) read best in stack traces; a type whose simple
/// name is shared by another type of the assembly falls back to its namespace-qualified name.
/// </summary>
internal sealed class GeneratedNames
{
    private readonly Dictionary<string, string> _shortNames = new();

    public GeneratedNames(IEnumerable<TypeIdentity> types)
    {
        var distinct = types.GroupBy(t => t.TypeName).Select(g => g.First()).ToList();
        var collisions = new HashSet<string>(distinct.GroupBy(t => t.SimpleName).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (var type in distinct)
        {
            _shortNames[type.TypeName] = collisions.Contains(type.SimpleName) ? type.QualifiedName : type.SimpleName;
        }
    }

    public string Codec(TypeIdentity type) => "Codec_" + ShortName(type);

    public string Proxy(TypeIdentity type) => "Proxy_" + ShortName(type);

    public string Invokable(GrainMethodModel method) => "Invokable_" + ShortName(method.DeclaringInterface) + "_" + method.Name + "_" + method.Index;

    public string InvokableCodec(GrainMethodModel method) => "Codec_" + Invokable(method);

    private string ShortName(TypeIdentity type) => _shortNames.TryGetValue(type.TypeName, out var name) ? name : type.QualifiedName;
}
