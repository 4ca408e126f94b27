using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>The sales-channel stores on a real SQLite file: the inbox, the order links and the fulfilment outbox.</summary>
public sealed class ChannelStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_delivery_is_stored_once_per_webhook_id_and_claimed_by_one_processor_until_it_is_replayed()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var inbox = new ChannelDeliveryStore(_db.Connections);
        Assert.True(await inbox.TryAddAsync("Shopify", "wh-1", "evt-1", "orders/create", "shop.myshopify.com", "2026-10", "{}", Now));
        Assert.False(await inbox.TryAddAsync("Shopify", "wh-1", "evt-1", "orders/create", "shop.myshopify.com", "2026-10", "{\"other\":1}", Now));
        Assert.True(await inbox.TryAddAsync("Etsy", "wh-1", null, "order.paid", "etsy", null, "{}", Now));

        var claimed = await inbox.ClaimNextAsync(Now, Now.AddMinutes(-5)) ?? throw new InvalidOperationException("nothing claimed");
        Assert.Equal(("wh-1", "Shopify", "{}", "2026-10", 1), (claimed.WebhookId, claimed.Channel, claimed.Body, claimed.ApiVersion, claimed.Attempts));
        var second = await inbox.ClaimNextAsync(Now, Now.AddMinutes(-5));
        Assert.Equal("Etsy", second?.Channel);
        Assert.Null(await inbox.ClaimNextAsync(Now, Now.AddMinutes(-5)));

        // A processor that stopped mid-way leaves its claim; after five minutes it is taken again.
        Assert.Equal(claimed.Id, (await inbox.ClaimNextAsync(Now.AddMinutes(6), Now.AddMinutes(1)))?.Id);

        await inbox.FinishAsync(claimed.Id, ChannelDeliveryState.Held, "On hold: SKU 'X' maps to nothing", null, Now);
        Assert.False(await inbox.RequeueAsync(second!.Id), "a delivery being processed is not replayed");
        Assert.True(await inbox.RequeueAsync(claimed.Id));
        var replayed = await inbox.ClaimNextAsync(Now.AddMinutes(7), Now.AddMinutes(2));
        Assert.Equal((claimed.Id, 3), (replayed?.Id, replayed?.Attempts));
        await inbox.FinishAsync(claimed.Id, ChannelDeliveryState.Processed, "placed", "ord_1", Now);
        Assert.False(await inbox.RequeueAsync(claimed.Id), "a processed delivery is never redone");

        var recent = await inbox.ListRecentAsync("Shopify", 10);
        Assert.Equal(("Processed", "placed", "ord_1"), (recent[0].State, recent[0].Outcome, recent[0].OrderId));
    }

    [Fact]
    public async Task Only_a_channel_order_owes_a_fulfilment_which_is_leased_retried_and_sent_once()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var storefront = await InsertOrderAsync("ord_store", null);
        var channel = await InsertOrderAsync("ord_shopify", new ExternalOrderReference("Shopify", "820982911946154508", "#1001"));
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            Assert.False(await ChannelFulfilmentStore.EnqueueAsync(session, storefront.Id, "shp_1", "ups", "1Z1", null, Now));
            Assert.True(await ChannelFulfilmentStore.EnqueueAsync(session, channel.Id, "shp_2", "ups", "1Z2", "https://t/1Z2", Now));
            Assert.False(await ChannelFulfilmentStore.EnqueueAsync(session, channel.Id, "shp_2", "ups", "1Z2", "https://t/1Z2", Now));
            await session.CommitAsync();
        }

        var links = new ChannelOrderStore(_db.Connections);
        Assert.Equal("#1001", (await links.FindAsync("Shopify", "820982911946154508"))?.ExternalNumber);
        Assert.Null(await links.GetByOrderAsync(storefront.Id));

        var outbox = new ChannelFulfilmentStore(_db.Connections);
        var taken = Assert.Single(await outbox.TakeDueAsync(Now, Now.AddMinutes(2), 10));
        Assert.Empty(await outbox.TakeDueAsync(Now.AddMinutes(1), Now.AddMinutes(3), 10));
        await outbox.ScheduleRetryAsync(taken.Id, "Shopify answered 503.", Now.AddSeconds(30), Now);
        Assert.Empty(await outbox.TakeDueAsync(Now.AddSeconds(29), Now.AddMinutes(2), 10));
        var retried = Assert.Single(await outbox.TakeDueAsync(Now.AddSeconds(30), Now.AddMinutes(2), 10));
        Assert.Equal((2, "Shopify answered 503."), (retried.Attempts, retried.LastError));
        await outbox.MarkSentAsync(retried.Id, "gid://shopify/Fulfillment/1", Now.AddMinutes(1));
        Assert.Empty(await outbox.TakeDueAsync(Now.AddDays(1), Now.AddDays(2), 10));
        var sent = Assert.Single(await outbox.ListRecentAsync("Shopify", 10));
        Assert.Equal((ChannelFulfilmentStore.Sent, (string?)null, "gid://shopify/Fulfillment/1"), (sent.State, sent.LastError, sent.ExternalFulfilmentId));
    }

    [Fact]
    public async Task A_connection_keeps_its_secrets_when_left_blank_and_remembers_the_previous_webhook_secret()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var store = new ChannelConnectionStore(_db.Connections);
        await store.SaveAsync("Shopify", "a.myshopify.com", "secret-1", "token-1", Now);
        await store.SaveAsync("Shopify", "a.myshopify.com", "  ", null, Now.AddMinutes(1));
        var kept = await store.GetAsync("Shopify");
        Assert.Equal(("secret-1", (string?)null, "token-1"), (kept?.WebhookSecret, kept?.PreviousWebhookSecret, kept?.AccessToken));

        await store.SaveAsync("Shopify", "a.myshopify.com", "secret-2", null, Now.AddMinutes(2));
        var rotated = await store.GetAsync("Shopify");
        Assert.Equal(("secret-2", "secret-1", "token-1", Now.AddMinutes(2)), (rotated?.WebhookSecret, rotated?.PreviousWebhookSecret, rotated?.AccessToken, rotated?.SecretRotatedAt));
        Assert.True(await store.DisconnectAsync("Shopify"));
        Assert.Null(await store.GetAsync("Shopify"));
    }

    private async Task<Order> InsertOrderAsync(string id, ExternalOrderReference? reference)
    {
        var line = new OrderLine("cube", "Cube", "PLA", "black", 1, Money.FromMinor(900, Currency.Eur));
        var address = new Address("Ada", "1 Rue", null, "Lyon", "69001", null, "FR");
        var order = Order.Place(id, "Ada", "ada@example.com", address, Currency.Eur, [line], express: false, Now, Now.AddDays(5));
        await using var session = await DbSession.BeginAsync(_db.Connections);
        await OrderStore.InsertAsync(session, order, null, "hash", 1);
        if (reference is not null)
        {
            var product = new Product("cube", "Cube", "", line.UnitPrice, new Size3(20, 20, 20), TimeSpan.FromMinutes(10), new StoredGcode("g", new string('a', 64), 1), [new MaterialOption("PLA", "black")], 3);
            var money = Money.FromMinor(900, Currency.Eur);
            var channelOrder = new ChannelOrder(reference, "Ada", "ada@example.com", address, Currency.Eur,
                [new ChannelOrderLine(product, "PLA", "black", 1, money, "cube-PLA-black")], new ChannelAmounts(money, Money.Zero(Currency.Eur), Money.FromMinor(150, Currency.Eur), money));
            Assert.True(await ChannelOrderStore.TryInsertAsync(session, order.Id, channelOrder, Now));
        }

        await session.CommitAsync();
        return order;
    }
}
