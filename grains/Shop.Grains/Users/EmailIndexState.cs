using Orleans;

namespace Shop.Users;

/// <summary>Who holds an email; <see cref="Guid.Empty"/> while nobody does.</summary>
[GenerateSerializer]
[Alias("shop.users.EmailIndexState")]
internal sealed class EmailIndexState
{
    [Id(0)]
    public Guid OwnerId { get; set; }
}
