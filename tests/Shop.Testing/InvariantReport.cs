namespace Shop.Testing;

/// <summary>What <see cref="ShopInvariants"/> found: the totals it compared and every invariant that does not hold.</summary>
public sealed record InvariantReport(
    IReadOnlyList<string> Violations,
    decimal TotalDeposited,
    decimal TotalBalance,
    decimal HeldByConfirmedOrders,
    int UnsettledOrders)
{
    /// <summary>True when every invariant holds.</summary>
    public bool Holds => Violations.Count == 0;

    /// <summary>Throws, listing the violations, unless every invariant holds.</summary>
    public void ThrowIfViolated()
    {
        if (!Holds) throw new InvalidOperationException("Shop invariants violated:" + Environment.NewLine + string.Join(Environment.NewLine, Violations));
    }
}
