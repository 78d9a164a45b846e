using Orleans;
using Orleans.Runtime;
using Shop.Infrastructure;

namespace Shop.Users;

/// <summary>A user: registers once, claiming its email through the email's index grain.</summary>
[GrainType("user")]
internal sealed class UserGrain(
    [PersistentState("user", ShopStorage.Name)] IPersistentState<UserState> user,
    TimeProvider time) : Grain, IUserGrain
{
    private Guid Id => this.GetPrimaryKey();

    private bool IsRegistered => user.RecordExists && user.State.Email.Length > 0;

    public async Task<RegisterUserResult> Register(RegisterUser command)
    {
        var email = EmailAddress.Normalize(command.Email);
        if (IsRegistered)
        {
            var same = user.State.Email == email && user.State.Name == command.Name;
            return new RegisterUserResult(same ? Profile() : null, same ? RegistrationFailure.None : RegistrationFailure.IdTaken);
        }

        var owner = await GrainFactory.GetGrain<IEmailIndexGrain>(email).Claim(Id);
        if (owner != Id) return new RegisterUserResult(null, RegistrationFailure.EmailTaken);

        user.State.Email = email;
        user.State.Name = command.Name;
        user.State.RegisteredAt = time.GetUtcNow();
        await this.PersistAsync(user);
        return new RegisterUserResult(Profile(), RegistrationFailure.None);
    }

    public Task<UserProfile?> GetProfile() => Task.FromResult(IsRegistered ? Profile() : null);

    private UserProfile Profile() => new(Id, user.State.Email, user.State.Name, user.State.RegisteredAt);
}
