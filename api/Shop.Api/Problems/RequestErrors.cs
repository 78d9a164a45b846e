namespace Shop.Api.Problems;

/// <summary>Validation errors of one request by field name (JSON names, with indexes such as <c>lines[2].quantity</c>).</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public RequestErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public RequestErrors Require(string field, object? value) => value is null ? Add(field, "is required.") : this;

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
