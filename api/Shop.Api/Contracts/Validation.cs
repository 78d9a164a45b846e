using System.Text.RegularExpressions;
using Shop.Api.Problems;

namespace Shop.Api.Contracts;

/// <summary>Field rules shared by the request contracts.</summary>
internal static partial class Validation
{
    public static RequestErrors PositiveMoney(this RequestErrors errors, string field, decimal? value)
    {
        if (value is not { } amount) return errors.Add(field, "is required.");
        if (amount <= 0) return errors.Add(field, "must be greater than zero.");
        if (amount > RequestLimits.MaxAmount) return errors.Add(field, $"must be at most {RequestLimits.MaxAmount}.");
        return decimal.Round(amount, 2) != amount ? errors.Add(field, "must have at most two decimal places.") : errors;
    }

    public static RequestErrors PositiveInteger(this RequestErrors errors, string field, int? value, int max)
    {
        if (value is not { } number) return errors.Add(field, "is required.");
        if (number <= 0) return errors.Add(field, "must be greater than zero.");
        return number > max ? errors.Add(field, $"must be at most {max}.") : errors;
    }

    public static RequestErrors Text(this RequestErrors errors, string field, string? value, int maxLength)
    {
        if (value is null) return errors.Add(field, "is required.");
        if (string.IsNullOrWhiteSpace(value)) return errors.Add(field, "must not be empty.");
        return value.Length > maxLength ? errors.Add(field, $"must be at most {maxLength} characters.") : errors;
    }

    public static RequestErrors Sku(this RequestErrors errors, string field, string? value)
    {
        if (value is null) return errors.Add(field, "is required.");
        return SkuPattern().IsMatch(value) ? errors : errors.Add(field, "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
    }

    public static RequestErrors Page(this RequestErrors errors, int skip, int take)
    {
        if (skip < 0) errors.Add("skip", "must not be negative.");
        if (take is < 1 or > RequestLimits.MaxPageSize) errors.Add("take", $"must be between 1 and {RequestLimits.MaxPageSize}.");
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SkuPattern();
}
