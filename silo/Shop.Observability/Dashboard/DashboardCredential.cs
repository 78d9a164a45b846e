using System.Security.Cryptography;
using System.Text;

namespace Shop.Observability.Dashboard;

/// <summary>The one operator credential of the dashboard: configured, or generated for this run.</summary>
internal sealed class DashboardCredential
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private readonly byte[] _usernameHash;
    private readonly byte[] _passwordHash;

    public DashboardCredential(ShopDashboardOptions options)
    {
        Username = options.Username;
        IsGenerated = string.IsNullOrEmpty(options.Password);
        Password = IsGenerated ? RandomNumberGenerator.GetString(Alphabet, 24) : options.Password!;
        _usernameHash = Hash(Username);
        _passwordHash = Hash(Password);
    }

    public string Username { get; }

    /// <summary>Kept only to be logged once when generated.</summary>
    public string Password { get; }

    public bool IsGenerated { get; }

    /// <summary>Compares hashes in constant time, so neither the length nor a prefix of the secret leaks through timing.</summary>
    public bool Matches(string? username, string? password)
    {
        var userOk = CryptographicOperations.FixedTimeEquals(Hash(username ?? ""), _usernameHash);
        var passwordOk = CryptographicOperations.FixedTimeEquals(Hash(password ?? ""), _passwordHash);
        return userOk & passwordOk;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
