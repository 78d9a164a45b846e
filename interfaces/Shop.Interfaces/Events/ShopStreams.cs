namespace Shop.Events;

/// <summary>Where domain events are published: the stream provider's name and one stream namespace per capability.</summary>
public static class ShopStreams
{
    /// <summary>The stream provider the silo registers for domain events.</summary>
    public const string Provider = "shop-events";

    /// <summary>Order events, one stream per user (keyed by the user id), so a user's notifications follow one stream.</summary>
    public const string Orders = "orders";

    /// <summary>Stock events, one stream per SKU.</summary>
    public const string Inventory = "inventory";

    /// <summary>Wallet events, one stream per user.</summary>
    public const string Wallets = "wallets";
}
