using Shop.Api.Problems;
using Shop.Orders;

namespace Shop.Api.Contracts;

/// <summary>POST /api/v1/orders.</summary>
public sealed record PlaceOrderRequest(Guid? UserId, IReadOnlyList<OrderLineDto?>? Lines)
{
    internal RequestErrors Validate()
    {
        var errors = new RequestErrors();
        if (UserId is null) errors.Add("userId", "is required.");
        else if (UserId == Guid.Empty) errors.Add("userId", "must not be the empty id.");
        if (Lines is null) return errors.Add("lines", "is required.");
        if (Lines.Count == 0) return errors.Add("lines", "must hold at least one line.");
        if (Lines.Count > RequestLimits.MaxOrderLines) return errors.Add("lines", $"must hold at most {RequestLimits.MaxOrderLines} lines.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i] is not { } line)
            {
                errors.Add($"lines[{i}]", "is required.");
                continue;
            }

            errors.Sku($"lines[{i}].sku", line.Sku).PositiveInteger($"lines[{i}].quantity", line.Quantity, RequestLimits.MaxLineQuantity);
            if (line.Sku is not null && !seen.Add(line.Sku)) errors.Add($"lines[{i}].sku", "appears on an earlier line; put each SKU on one line.");
        }

        return errors;
    }

    internal PlaceOrder ToCommand() => new(UserId!.Value, Lines!.Select(line => new OrderLineRequest(line!.Sku!, line.Quantity!.Value)).ToArray());
}

/// <summary>A requested line.</summary>
public sealed record OrderLineDto(string? Sku, int? Quantity);

/// <summary>An order.</summary>
public sealed record OrderResponse(
    Guid Id, Guid UserId, OrderStatus Status, decimal Total, IReadOnlyList<OrderLineResponse> Lines, string? Reason, DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt)
{
    internal static OrderResponse From(OrderSnapshot order) => new(
        order.Id, order.UserId, order.Status, order.Total,
        [.. order.Lines.Select(line => new OrderLineResponse(line.Sku, line.Quantity, line.UnitPrice, line.Amount))],
        order.Reason, order.PlacedAt, order.UpdatedAt);
}

/// <summary>A line of an order, priced.</summary>
public sealed record OrderLineResponse(string Sku, int Quantity, decimal UnitPrice, decimal Amount);

/// <summary>A page of a list, newest first.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);
