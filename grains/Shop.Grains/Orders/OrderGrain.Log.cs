using Microsoft.Extensions.Logging;

namespace Shop.Orders;

internal sealed partial class OrderGrain
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Order {OrderId} placed by user {UserId}: {LineCount} lines, total {Total}")]
    private partial void LogPlaced(Guid orderId, Guid userId, int lineCount, decimal total);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Order {OrderId} is {Status} {Reason}")]
    private partial void LogFinished(Guid orderId, OrderStatus status, string? reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Settling order {OrderId} ({Status}, heading for {Intent}) failed, attempt {Attempt}; it will be retried")]
    private partial void LogSettlementFailed(Exception exception, Guid orderId, Shop.Orders.OrderStatus status, OrderIntent intent, int attempt);
}
