namespace Granary.Serialization.Tests;

// Codecs written by hand the way the generator writes them: ObjectCodec subclasses reading fields in a
// loop and skipping the ones they do not know.

public class Animal
{
    public string? Name { get; set; }
}

public sealed class Dog : Animal
{
    public int Barks { get; set; }
}

public sealed class AnimalCodec : ObjectCodec<Animal>
{
    public override void WriteFields(GranaryWriter writer, Animal value) => Codecs.Get<string>().WriteField(writer, 1, value.Name!);

    public override Animal ReadFields(GranaryReader reader)
    {
        var animal = new Animal();
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) return animal;
            if (field.Id == 1) animal.Name = Codecs.Get<string>().ReadValue(reader, field.WireType);
            else reader.SkipField(field.WireType);
        }
    }
}

public sealed class DogCodec : ObjectCodec<Dog>
{
    public override void WriteFields(GranaryWriter writer, Dog value)
    {
        Codecs.Get<string>().WriteField(writer, 1, value.Name!);
        Codecs.Get<int>().WriteField(writer, 2, value.Barks);
    }

    public override Dog ReadFields(GranaryReader reader)
    {
        var dog = new Dog();
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndObject) return dog;
            switch (field.Id)
            {
                case 1: dog.Name = Codecs.Get<string>().ReadValue(reader, field.WireType); break;
                case 2: dog.Barks = Codecs.Get<int>().ReadValue(reader, field.WireType); break;
                default: reader.SkipField(field.WireType); break;
            }
        }
    }
}

public static class TestCodecs
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Codecs.Register(new AnimalCodec());
        Codecs.Register(new DogCodec());
        Codecs.Register(new PersonV1Codec());
        Codecs.Register(new PersonV2Codec());
        return true;
    });

    /// <summary>Registers the hand-written codecs once per process (registration is process-wide, first wins).</summary>
    public static void EnsureRegistered() => _ = Registered.Value;
}
