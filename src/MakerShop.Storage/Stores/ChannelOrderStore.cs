using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>Which orders came from which channel; the unique (channel, external id) makes order intake idempotent.</summary>
public sealed class ChannelOrderStore(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        order_id AS OrderId, channel AS Channel, external_id AS ExternalId, external_number AS ExternalNumber, currency AS Currency,
        subtotal_minor AS SubtotalMinor, shipping_minor AS ShippingMinor, tax_minor AS TaxMinor, total_minor AS TotalMinor
        """;

    /// <summary>Links the order to its channel; false when the channel's order was already linked (to this or another order).</summary>
    public static async Task<bool> TryInsertAsync(DbSession session, string orderId, ChannelOrder order, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        return await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO channel_orders (order_id, channel, external_id, external_number, currency, subtotal_minor, shipping_minor, tax_minor, total_minor, created_at)
            VALUES (@OrderId, @Channel, @ExternalId, @ExternalNumber, @Currency, @Subtotal, @Shipping, @Tax, @Total, @At)
            ON CONFLICT (channel, external_id) DO NOTHING
            """,
            new
            {
                OrderId = orderId, order.Reference.Channel, order.Reference.ExternalId, order.Reference.ExternalNumber, Currency = order.Currency.Code,
                Subtotal = order.Amounts.Subtotal.MinorUnits, Shipping = order.Amounts.Shipping.MinorUnits, Tax = order.Amounts.Tax.MinorUnits,
                Total = order.Amounts.Total.MinorUnits, At = DbTime.Write(at),
            },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<ChannelOrderLink?> FindAsync(string channel, string externalId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ChannelOrderLink>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_orders WHERE channel = @Channel AND external_id = @ExternalId",
            new { Channel = channel, ExternalId = externalId }, cancellationToken: cancellationToken));
    }

    public async Task<ChannelOrderLink?> GetByOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ChannelOrderLink>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_orders WHERE order_id = @OrderId", new { OrderId = orderId }, cancellationToken: cancellationToken));
    }

    /// <summary>The channel links of the given orders (those that have one), by order id.</summary>
    public async Task<IReadOnlyDictionary<string, ChannelOrderLink>> ForOrdersAsync(IEnumerable<string> orderIds, CancellationToken cancellationToken = default)
    {
        var ids = orderIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<string, ChannelOrderLink>(StringComparer.Ordinal);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChannelOrderLink>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_orders WHERE order_id IN @Ids", new { Ids = ids }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.OrderId, StringComparer.Ordinal);
    }
}
