namespace Shop.Users;

/// <summary>The one normalization emails get before uniqueness is checked, shared by the API and the grains.</summary>
public static class EmailAddress
{
    /// <summary>Trimmed and lower-cased: addresses that differ only in case belong to the same mailbox in practice.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
