using FsCheck;
using FsCheck.Fluent;
using Granary.Runtime;
using Granary.Serialization;

namespace Granary.Serialization.Tests;

/// <summary>Serialize then deserialize through the public entry points, as another process would.</summary>
internal static class RoundTrip
{
    public static T Of<T>(T value, IGrainReferenceFactory? references = null) =>
        Serializer.Deserialize<T>(Serializer.Serialize(value), references);

    /// <summary>Writes and reads <paramref name="value"/> as a field of declared type <typeparamref name="T"/>, as generated codecs do.</summary>
    public static T AsField<T>(T value, IGrainReferenceFactory? references = null)
    {
        using var writer = new GranaryWriter();
        Codecs.Get<T>().WriteField(writer, 7, value);
        var reader = new GranaryReader(writer.WrittenMemory, references);
        var field = reader.ReadFieldHeader();
        Assert.Equal(7u, field.Id);
        var result = Codecs.Get<T>().ReadValue(reader, field.WireType);
        Assert.True(reader.IsAtEnd);
        return result;
    }

    /// <summary>Checks a property over generated values; throws with the counterexample on failure.</summary>
    public static void Check<T>(Arbitrary<T> values, Func<T, bool> property, int maxTests = 200) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTests), Prop.ForAll(values, property));

    /// <summary>Checks a property over FsCheck's default values of <typeparamref name="T"/>.</summary>
    public static void Check<T>(Func<T, bool> property, int maxTests = 200) =>
        Check(ArbMap.Default.ArbFor<T>(), property, maxTests);
}
