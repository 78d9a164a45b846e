using Orleans;

namespace Shop.Users;

/// <summary>
/// Owner of one email address, keyed by the normalized email (<see cref="EmailAddress.Normalize"/>).
/// A single activation per email serializes concurrent claims, which is what makes emails unique.
/// </summary>
[Alias("shop.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the email for <paramref name="userId"/> unless another user holds it; returns the owner.</summary>
    Task<Guid> Claim(Guid userId);
}
