using Orleans;

namespace Shop.Users;

/// <summary>Registers a user with a unique email.</summary>
[GenerateSerializer]
[Alias("shop.users.RegisterUser")]
public sealed record RegisterUser([Id(0)] string Email, [Id(1)] string Name);

/// <summary>A registered user.</summary>
[GenerateSerializer]
[Alias("shop.users.UserProfile")]
public sealed record UserProfile([Id(0)] Guid Id, [Id(1)] string Email, [Id(2)] string Name, [Id(3)] DateTimeOffset RegisteredAt);

/// <summary>Why a registration did not happen.</summary>
public enum RegistrationFailure
{
    /// <summary>The registration happened (or had already happened with the same data).</summary>
    None,

    /// <summary>Another user holds the email.</summary>
    EmailTaken,

    /// <summary>This id already belongs to a user with another email or name.</summary>
    IdTaken,
}

/// <summary>The outcome of <see cref="IUserGrain.Register"/>: the profile, or the reason it failed.</summary>
[GenerateSerializer]
[Alias("shop.users.RegisterUserResult")]
public sealed record RegisterUserResult([Id(0)] UserProfile? Profile, [Id(1)] RegistrationFailure Failure)
{
    /// <summary>True when the user exists with the requested data.</summary>
    public bool Succeeded => Failure == RegistrationFailure.None;
}
