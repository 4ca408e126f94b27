using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// The channel inbox: a delivery is written before anything acts on it (the unique (channel, webhook id) key turns a
/// redelivery into a no-op), then claimed by one processor with a conditional update, so two nodes never process it twice.
/// </summary>
public sealed class ChannelDeliveryStore(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, channel AS Channel, webhook_id AS WebhookId, event_id AS EventId, topic AS Topic, shop_domain AS ShopDomain,
        api_version AS ApiVersion, body AS Body, received_at AS ReceivedAt, state AS State, attempts AS Attempts, outcome AS Outcome,
        order_id AS OrderId, processed_at AS ProcessedAt
        """;

    /// <summary>Stores the delivery; false when this channel already stored that webhook id (a redelivery).</summary>
    public async Task<bool> TryAddAsync(
        string channel, string webhookId, string? eventId, string topic, string shopDomain, string? apiVersion, string body, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO channel_deliveries (channel, webhook_id, event_id, topic, shop_domain, api_version, body, received_at, state)
            VALUES (@Channel, @WebhookId, @EventId, @Topic, @ShopDomain, @ApiVersion, @Body, @At, @State)
            ON CONFLICT (channel, webhook_id) DO NOTHING
            """,
            new { Channel = channel, WebhookId = webhookId, EventId = eventId, Topic = topic, ShopDomain = shopDomain, ApiVersion = apiVersion, Body = body, At = DbTime.Write(at), State = ChannelDeliveryState.Received },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>
    /// Claims the oldest delivery waiting to be processed, or one whose processor stopped mid-way (claimed before
    /// <paramref name="staleBefore"/>); null when there is none.
    /// </summary>
    public async Task<ChannelDelivery?> ClaimNextAsync(DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        for (var tries = 0; tries < 5; tries++)
        {
            var candidate = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT id FROM channel_deliveries WHERE state = @Received OR (state = @Processing AND claimed_at < @Stale) ORDER BY id LIMIT 1",
                new { ChannelDeliveryState.Received, ChannelDeliveryState.Processing, Stale = DbTime.Write(staleBefore) },
                cancellationToken: cancellationToken));
            if (candidate is not { } id)
            {
                return null;
            }

            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE channel_deliveries SET state = @Processing, claimed_at = @Now, attempts = attempts + 1
                WHERE id = @Id AND (state = @Received OR (state = @Processing AND claimed_at < @Stale))
                """,
                new { Id = id, ChannelDeliveryState.Received, ChannelDeliveryState.Processing, Now = DbTime.Write(now), Stale = DbTime.Write(staleBefore) },
                cancellationToken: cancellationToken));
            if (claimed == 1)
            {
                return await GetAsync(id, cancellationToken);
            }
        }

        return null;
    }

    public async Task FinishAsync(long id, string state, string outcome, string? orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE channel_deliveries SET state = @State, outcome = @Outcome, order_id = COALESCE(@OrderId, order_id), processed_at = @At, claimed_at = NULL WHERE id = @Id",
            new { Id = id, State = state, Outcome = outcome, OrderId = orderId, At = DbTime.Write(at) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Puts a held or failed delivery back in line; false when it is not one (a processed delivery is never redone).</summary>
    public async Task<bool> RequeueAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE channel_deliveries SET state = @Received, claimed_at = NULL WHERE id = @Id AND state IN (@Held, @Failed)",
            new { Id = id, ChannelDeliveryState.Received, ChannelDeliveryState.Held, ChannelDeliveryState.Failed },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<ChannelDelivery?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_deliveries WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToDelivery();
    }

    /// <summary>The newest deliveries of a channel, newest first.</summary>
    public async Task<IReadOnlyList<ChannelDelivery>> ListRecentAsync(string channel, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_deliveries WHERE channel = @Channel ORDER BY id DESC LIMIT @Limit",
            new { Channel = channel, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDelivery())];
    }

    private sealed record Row(
        long Id, string Channel, string WebhookId, string? EventId, string Topic, string ShopDomain, string? ApiVersion, string Body,
        string ReceivedAt, string State, long Attempts, string? Outcome, string? OrderId, string? ProcessedAt)
    {
        public ChannelDelivery ToDelivery() => new(
            Id, Channel, WebhookId, EventId, Topic, ShopDomain, ApiVersion, Body, DbTime.Read(ReceivedAt), State, (int)Attempts, Outcome, OrderId,
            DbTime.ReadOptional(ProcessedAt));
    }
}
