using System.Net.Mail;
using Shop.Api.Problems;
using Shop.Users;

namespace Shop.Api.Contracts;

/// <summary>POST /api/v1/users.</summary>
public sealed record CreateUserRequest(string? Email, string? Name)
{
    internal RequestErrors Validate()
    {
        var errors = new RequestErrors().Text("name", Name, RequestLimits.MaxNameLength).Text("email", Email, RequestLimits.MaxEmailLength);
        if (!string.IsNullOrWhiteSpace(Email) && Email.Length <= RequestLimits.MaxEmailLength && !IsEmail(Email.Trim()))
            errors.Add("email", "is not a valid email address.");
        return errors;
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.IndexOf('@') is > 0 and var at && email.IndexOf('.', at) > at + 1;
}

/// <summary>A user.</summary>
public sealed record UserResponse(Guid Id, string Email, string Name, DateTimeOffset RegisteredAt)
{
    internal static UserResponse From(UserProfile profile) => new(profile.Id, profile.Email, profile.Name, profile.RegisteredAt);
}

/// <summary>POST /api/v1/users/{id}/wallet/deposits.</summary>
public sealed record DepositRequest(decimal? Amount)
{
    internal RequestErrors Validate() => new RequestErrors().PositiveMoney("amount", Amount);
}

/// <summary>A wallet: the balance and the totals that explain it.</summary>
public sealed record WalletResponse(Guid UserId, decimal Balance, decimal Deposited, decimal Debited, decimal Refunded)
{
    internal static WalletResponse From(Guid userId, WalletSnapshot wallet) =>
        new(userId, wallet.Balance, wallet.Deposited, wallet.Debited, wallet.Refunded);
}
