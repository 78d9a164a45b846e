using Orleans;

namespace Shop.Catalog;

/// <summary>What a product is sold as. Prices are in the shop's one currency.</summary>
[GenerateSerializer]
[Alias("shop.catalog.ProductDefinition")]
public sealed record ProductDefinition([Id(0)] string Name, [Id(1)] decimal Price);

/// <summary>A product of the catalog.</summary>
[GenerateSerializer]
[Alias("shop.catalog.ProductDetails")]
public sealed record ProductDetails([Id(0)] string Sku, [Id(1)] string Name, [Id(2)] decimal Price);

/// <summary>The product after an upsert, and whether the upsert created it.</summary>
[GenerateSerializer]
[Alias("shop.catalog.UpsertProductResult")]
public sealed record UpsertProductResult([Id(0)] ProductDetails Product, [Id(1)] bool Created);
