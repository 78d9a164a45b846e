using System.Collections.Concurrent;

namespace Shop.Chaos.Tests;

/// <summary>
/// What the clients were told, to hold the cluster to it afterwards: every acknowledged user, deposit, stock
/// addition, order and cancellation, and the deposits and stock additions whose outcome a client never learned.
/// </summary>
internal sealed class ShopLedger
{
    private readonly List<Guid> _users = [];
    private readonly List<Guid> _orders = [];

    public List<string> Skus { get; } = [];

    public ConcurrentDictionary<Guid, decimal> AcknowledgedDeposits { get; } = new();

    /// <summary>Deposits that got no definite answer: each may or may not have been applied (once).</summary>
    public ConcurrentDictionary<Guid, decimal> UncertainDeposits { get; } = new();

    public ConcurrentDictionary<string, decimal> AcknowledgedStock { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, decimal> UncertainStock { get; } = new(StringComparer.Ordinal);

    /// <summary>Acknowledged orders and the user who placed each.</summary>
    public ConcurrentDictionary<Guid, Guid> AcknowledgedOrders { get; } = new();

    /// <summary>Orders a client was told are Cancelled (200): nothing may bring them back.</summary>
    public ConcurrentDictionary<Guid, bool> Cancelled { get; } = new();

    public IReadOnlyList<Guid> Users
    {
        get
        {
            lock (_users) return [.. _users];
        }
    }

    public void UserRegistered(Guid id)
    {
        lock (_users) _users.Add(id);
    }

    public Guid? AnyUser(Random random)
    {
        lock (_users) return _users.Count == 0 ? null : _users[random.Next(_users.Count)];
    }

    public void OrderAcknowledged(Guid id, Guid user)
    {
        AcknowledgedOrders[id] = user;
        lock (_orders) _orders.Add(id);
    }

    public Guid? AnyOrder(Random random)
    {
        lock (_orders) return _orders.Count == 0 ? null : _orders[random.Next(_orders.Count)];
    }

    public static void Add<TKey>(ConcurrentDictionary<TKey, decimal> sums, TKey key, decimal amount) where TKey : notnull =>
        sums.AddOrUpdate(key, amount, (_, total) => total + amount);
}
