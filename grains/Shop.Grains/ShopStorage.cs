namespace Shop;

/// <summary>The grain storage the shop's grains keep their state in; the silo decides what backs it.</summary>
public static class ShopStorage
{
    /// <summary>The storage name every shop grain's [PersistentState] names.</summary>
    public const string Name = "shop";
}
