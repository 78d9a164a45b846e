using Orleans;

namespace Shop.Users;

/// <summary>The stored profile of a user; <see cref="Email"/> is empty until the user registered.</summary>
[GenerateSerializer]
[Alias("shop.users.UserState")]
internal sealed class UserState
{
    [Id(0)]
    public string Email { get; set; } = "";

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public DateTimeOffset RegisteredAt { get; set; }
}
