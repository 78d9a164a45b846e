using System.Collections.Immutable;
using FsCheck.Fluent;

namespace Granary.Serialization.Tests;

public sealed class TypeNameTests
{
    public static TheoryData<Type> Types() =>
    [
        typeof(int), typeof(string), typeof(object), typeof(int[]), typeof(int[][]), typeof(int[,]), typeof(string[,,]),
        typeof(List<int>), typeof(List<int>[]), typeof(Dictionary<string, List<int[]>>), typeof(int?), typeof((int, string, Guid)),
        typeof(KeyValuePair<Outer.Nested, Generic<int, string>>), typeof(Outer.Nested), typeof(Outer.NestedGeneric<Outer.Nested>),
        typeof(Generic<Generic<int, long>, List<Outer.Nested[]>>), typeof(ImmutableDictionary<string, ImmutableArray<byte>>),
        typeof(Dictionary<int, string>.Enumerator), typeof(AliasedPoint), typeof(AliasedPoint[]), typeof(AliasedBox<int>),
        typeof(List<AliasedPoint>), typeof(AliasedBox<AliasedBox<Outer.Nested>>[]), typeof(IntEnum), typeof(UnknownRemoteException),
    ];

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_name_resolves_back_to_its_type(Type type) => Assert.Equal(type, TypeNames.Resolve(TypeNames.GetName(type)));

    [Theory]
    [MemberData(nameof(Types))]
    public void Names_of_unaliased_types_are_what_Type_GetType_parses(Type type)
    {
        var name = TypeNames.GetName(type);
        if (name.Contains("test.", StringComparison.Ordinal)) return;
        Assert.Equal(type, Type.GetType(name, throwOnError: true));
    }

    [Fact]
    public void Names_carry_the_simple_assembly_name_only()
    {
        Assert.Equal("System.Int32, System.Private.CoreLib", TypeNames.GetName(typeof(int)));
        Assert.Equal(
            "System.Collections.Generic.List`1[[System.Int32, System.Private.CoreLib]], System.Private.CoreLib",
            TypeNames.GetName(typeof(List<int>)));
        Assert.Equal("System.Int32[,], System.Private.CoreLib", TypeNames.GetName(typeof(int[,])));
        Assert.Equal(
            "Granary.Serialization.Tests.Outer+Nested, Granary.Serialization.Tests",
            TypeNames.GetName(typeof(Outer.Nested)));
        Assert.DoesNotContain("Version", TypeNames.GetName(typeof(Dictionary<string, List<Outer.Nested>>)), StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_replace_the_name_and_keep_generic_arguments()
    {
        Assert.Equal("test.aliased-point", TypeNames.GetName(typeof(AliasedPoint)));
        Assert.Equal("test.box[[System.Int32, System.Private.CoreLib]]", TypeNames.GetName(typeof(AliasedBox<int>)));
        Assert.Equal(
            "System.Collections.Generic.List`1[[test.aliased-point]], System.Private.CoreLib",
            TypeNames.GetName(typeof(List<AliasedPoint>)));
    }

    [Fact]
    public void An_alias_never_named_in_this_process_is_found_in_the_loaded_assemblies()
    {
        Assert.Equal(typeof(FoundBySearch), TypeNames.Resolve("test.found-by-search"));
    }

    [Theory]
    [InlineData("No.Such.Type, No.Such.Assembly")]
    [InlineData("System.Int32, No.Such.Assembly")]
    [InlineData("System.NoSuchType, System.Private.CoreLib")]
    [InlineData("System.Collections.Generic.List`1[[No.Such, Nowhere]], System.Private.CoreLib")]
    [InlineData("System.Collections.Generic.List`1[[System.Int32, System.Private.CoreLib],[System.Int32, System.Private.CoreLib]], System.Private.CoreLib")]
    [InlineData("System.Nullable`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib")]
    [InlineData("System.Int32*, System.Private.CoreLib")]
    [InlineData("System.Int32&, System.Private.CoreLib")]
    [InlineData("System.Span`1[[System.Int32, System.Private.CoreLib]][], System.Private.CoreLib")]
    [InlineData("System.Int32, ../../etc/passwd")]
    [InlineData("System.Void[], System.Private.CoreLib")]
    [InlineData("System.TypedReference[], System.Private.CoreLib")]
    [InlineData("System.Int32[,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,], System.Private.CoreLib")]
    [InlineData("System.Collections.Generic.List`1[[System.Void, System.Private.CoreLib]], System.Private.CoreLib")]
    [InlineData("")]
    [InlineData("[[[[")]
    public void Unknown_or_impossible_names_resolve_to_null(string name) => Assert.Null(TypeNames.Resolve(name));

    [Fact]
    public void Random_names_never_throw()
    {
        RoundTrip.Check<string>(name =>
        {
            _ = TypeNames.Resolve(name ?? string.Empty);
            return true;
        }, maxTests: 500);
        var deep = string.Concat(Enumerable.Repeat("System.Collections.Generic.List`1[[", 500)) + "System.Int32";
        Assert.Null(TypeNames.Resolve(deep));
    }
}
