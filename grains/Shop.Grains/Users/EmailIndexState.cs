using Granary.Serialization;

namespace Shop.Users;

/// <summary>Who holds an email; <see cref="Guid.Empty"/> while nobody does.</summary>
[GenerateSerializer]
internal sealed class EmailIndexState
{
    [Id(0)]
    public Guid OwnerId { get; set; }
}
