using Shop.Idempotency;
using Shop.Inventory;
using Shop.Orders;
using Shop.Users;

namespace Shop.Grains.Tests;

/// <summary>Retried operations (the same operation id or order id again, even concurrently) take effect once.</summary>
[Collection(ShopClusterCollection.Name)]
public sealed class IdempotencyTests(ShopClusterFixture fixture)
{
    private readonly Shopper _shop = new(fixture.Grains);

    [Fact]
    public async Task A_deposit_retried_concurrently_with_the_same_operation_id_counts_once()
    {
        var user = await _shop.UserWith(0m);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _shop.Wallet(user).Deposit("deposit-1", 25m)));
        await _shop.Wallet(user).Deposit("deposit-2", 5m);

        Assert.Equal(new WalletSnapshot(30m, 30m, 0m, 0m), await _shop.Wallet(user).GetSnapshot());
    }

    [Fact]
    public async Task A_keyed_request_that_failed_while_storage_was_down_can_be_retried_at_once()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<IIdempotencyGrain>(key);
        fixture.Faults.Arm("clear:idempotency", key);
        try
        {
            Assert.Equal(IdempotencyOutcome.Proceed, (await grain.Begin("fingerprint")).Outcome);
            await grain.Abandon("fingerprint");

            // Not "in progress" until a lease runs out: nothing about the failed request had to reach storage.
            Assert.Equal(IdempotencyOutcome.Proceed, (await grain.Begin("fingerprint")).Outcome);
        }
        finally
        {
            fixture.Faults.Disarm("clear:idempotency", key);
        }
    }

    [Fact]
    public async Task A_keyed_response_whose_write_lost_its_acknowledgement_is_replayed()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<IIdempotencyGrain>(key);
        var response = new StoredResponse(200, "application/json", null, [1, 2, 3]);
        await grain.Begin("fingerprint");
        fixture.Faults.Arm("write:idempotency", key, times: 1);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Complete("fingerprint", response));
        var retry = await grain.Begin("fingerprint");

        Assert.Equal(IdempotencyOutcome.Replay, retry.Outcome);
        Assert.Equal(response.Body, retry.Response!.Body);
    }

    [Fact]
    public async Task A_restock_retried_concurrently_with_the_same_operation_id_adds_once()
    {
        var sku = await _shop.ProductWith(1m, stock: 0);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _shop.Stock(sku).AddStock("restock-1", 4)));
        await _shop.Stock(sku).AddStock("restock-2", 1);

        Assert.Equal(new StockLevel(5, 0, 0, 5), await _shop.Stock(sku).GetLevel());
    }

    [Fact]
    public async Task A_refund_before_its_debit_voids_the_debit()
    {
        var user = await _shop.UserWith(10m);
        await _shop.Wallet(user).Refund("refund-1", "debit-1");
        var late = await _shop.Wallet(user).Debit("debit-1", 4m);
        await _shop.Wallet(user).Refund("refund-1", "debit-1");

        Assert.False(late.Succeeded);
        Assert.Equal(new WalletSnapshot(10m, 10m, 0m, 0m), await _shop.Wallet(user).GetSnapshot());
    }

    [Fact]
    public async Task A_refund_returns_its_debit_once()
    {
        var user = await _shop.UserWith(10m);
        await _shop.Wallet(user).Debit("debit-1", 4m);
        await Task.WhenAll(_shop.Wallet(user).Refund("refund-1", "debit-1"), _shop.Wallet(user).Refund("refund-2", "debit-1"));

        Assert.Equal(new WalletSnapshot(10m, 10m, 4m, 4m), await _shop.Wallet(user).GetSnapshot());
    }

    [Fact]
    public async Task An_order_placed_again_with_the_same_id_is_the_first_order()
    {
        var user = await _shop.UserWith(10m);
        var sku = await _shop.ProductWith(2m, stock: 5);
        var orderId = Guid.NewGuid();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _shop.Place(orderId, user, (sku, 2))));
        var different = await _shop.Place(orderId, user, (sku, 5));

        Assert.All(attempts, a => Assert.Equal((OrderStatus.Confirmed, 4m), (a.Status, a.Total)));
        Assert.Equal((2, 4m), (different.Lines.Single().Quantity, different.Total));
        Assert.Equal(3, await _shop.Available(sku));
        Assert.Equal(6m, await _shop.Balance(user));
    }

    [Fact]
    public async Task An_email_belongs_to_the_first_user_who_registers_it()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var ids = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        var results = await Task.WhenAll(ids.Select(id => fixture.Grains.GetGrain<IUserGrain>(id).Register(new RegisterUser(email, "Ann"))));
        var upperCase = await fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid()).Register(new RegisterUser(email.ToUpperInvariant(), "Ann"));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RegistrationFailure.EmailTaken, r.Failure));
        Assert.Equal(RegistrationFailure.EmailTaken, upperCase.Failure);
    }
}
