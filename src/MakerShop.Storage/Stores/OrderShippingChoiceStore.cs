using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The carrier and service an order's customer chose and paid for at checkout.</summary>
public sealed class OrderShippingChoiceStore(SqliteConnectionFactory connections)
{
    public static async Task InsertAsync(DbSession session, string orderId, string carrier, string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO order_shipping_choices (order_id, carrier, service) VALUES (@OrderId, @Carrier, @Service)",
            new { OrderId = orderId, Carrier = carrier, Service = service },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<OrderShippingChoice?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OrderShippingChoice>(new CommandDefinition(
            "SELECT carrier AS Carrier, service AS Service FROM order_shipping_choices WHERE order_id = @OrderId",
            new { OrderId = orderId },
            cancellationToken: cancellationToken));
    }
}

public sealed record OrderShippingChoice(string Carrier, string Service);
