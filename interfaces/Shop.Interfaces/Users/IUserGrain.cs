using Orleans;
using Orleans.Concurrency;

namespace Shop.Users;

/// <summary>A shop user, keyed by the user id. The email is unique across users (see <see cref="IEmailIndexGrain"/>).</summary>
[Alias("shop.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Registers the user once; registering again with the same email and name returns the same profile.</summary>
    Task<RegisterUserResult> Register(RegisterUser command);

    /// <summary>The profile, or null when no user was registered under this id.</summary>
    [ReadOnly]
    Task<UserProfile?> GetProfile();
}
