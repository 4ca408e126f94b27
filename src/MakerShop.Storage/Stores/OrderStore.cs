using MakerShop.Core;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MakerShop.Storage.Stores;

/// <summary>Orders with their lines; the idempotency key is claimed in the same transaction that stores the order.</summary>
public sealed class OrderStore(SqliteConnectionFactory connections)
{
    /// <summary>The order already stored under this idempotency key, or null when the key is new.</summary>
    public async Task<IdempotencyRecord?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdempotencyRecord>(new CommandDefinition(
            "SELECT order_id AS OrderId, request_hash AS RequestHash FROM idempotency_keys WHERE idempotency_key = @Key",
            new { Key = key },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stores a new order and gives it the shop's next number (never below <paramref name="firstNumber"/>) in the same
    /// transaction: the number is taken only if the order is stored, and the order is never stored without one.
    /// </summary>
    public static async Task InsertAsync(DbSession session, Order order, string? idempotencyKey, string requestHash, long firstNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        order.AssignNumber(await OrderNumberSequence.NextAsync(session, firstNumber, cancellationToken));
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO orders (id, customer_name, customer_email, address_name, address_line1, address_line2, address_city,
                address_postal_code, address_region, address_country, currency, total_minor, express, placed_at, ship_by, status, updated_at,
                goods_minor, shipping_minor, tax_minor, duties_minor, tax_regime, tax_country, tax_rate, duties_paid_by, shipping_service, number)
            VALUES (@Id, @CustomerName, @CustomerEmail, @AddressName, @Line1, @Line2, @City, @PostalCode, @Region, @Country,
                @Currency, @TotalMinor, @Express, @PlacedAt, @ShipBy, @Status, @UpdatedAt,
                @GoodsMinor, @ShippingMinor, @TaxMinor, @DutiesMinor, @TaxRegime, @TaxCountry, @TaxRate, @DutiesPaidBy, @ShippingService, @Number)
            """,
            new
            {
                order.Id,
                order.CustomerName,
                order.CustomerEmail,
                AddressName = order.ShippingAddress.Name,
                order.ShippingAddress.Line1,
                order.ShippingAddress.Line2,
                order.ShippingAddress.City,
                order.ShippingAddress.PostalCode,
                order.ShippingAddress.Region,
                Country = order.ShippingAddress.CountryCode,
                Currency = order.Currency.Code,
                TotalMinor = order.Total.MinorUnits,
                Express = order.Express ? 1 : 0,
                PlacedAt = DbTime.Write(order.PlacedAt),
                ShipBy = DbTime.Write(order.ShipBy),
                Status = order.Status.ToString(),
                UpdatedAt = DbTime.Write(order.UpdatedAt),
                GoodsMinor = order.Charges?.Goods.MinorUnits,
                ShippingMinor = order.Charges?.Shipping.MinorUnits,
                TaxMinor = order.Charges?.Tax.MinorUnits,
                DutiesMinor = order.Charges?.Duties.MinorUnits,
                TaxRegime = order.Charges?.Regime.ToString(),
                order.Charges?.TaxCountry,
                TaxRate = order.Charges?.TaxRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DutiesPaidBy = order.Charges?.DutiesPaidBy.ToString(),
                order.Charges?.ShippingService,
                order.Number,
            },
            session.Transaction,
            cancellationToken: cancellationToken));

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO order_lines (order_id, line_no, product_id, product_name, material, colour, quantity, unit_price_minor)
                VALUES (@OrderId, @LineNo, @ProductId, @ProductName, @Material, @Colour, @Quantity, @UnitPriceMinor)
                """,
                new { OrderId = order.Id, LineNo = i, line.ProductId, line.ProductName, line.Material, line.Colour, line.Quantity, UnitPriceMinor = line.UnitPrice.MinorUnits },
                session.Transaction,
                cancellationToken: cancellationToken));
        }

        if (idempotencyKey is not null)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO idempotency_keys (idempotency_key, request_hash, order_id, created_at) VALUES (@Key, @Hash, @OrderId, @At)",
                new { Key = idempotencyKey, Hash = requestHash, OrderId = order.Id, At = DbTime.Write(order.PlacedAt) },
                session.Transaction,
                cancellationToken: cancellationToken));
        }
    }

    public static async Task UpdateStatusAsync(DbSession session, Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE orders SET status = @Status, updated_at = @UpdatedAt WHERE id = @Id",
            new { order.Id, Status = order.Status.ToString(), UpdatedAt = DbTime.Write(order.UpdatedAt) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task<Order?> GetAsync(DbSession session, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return LoadAsync(session.Connection, session.Transaction, id, cancellationToken);
    }

    /// <summary>The internal id of the order with this number, or null when the shop has no such order.</summary>
    public async Task<string?> FindIdByNumberAsync(long number, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT id FROM orders WHERE number = @Number", new { Number = number }, cancellationToken: cancellationToken));
    }

    /// <summary>The numbers of these orders, by id, in one query (for lists that show jobs, printers or payments).</summary>
    public async Task<IReadOnlyDictionary<string, long>> NumbersAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, long Number)>(new CommandDefinition(
            "SELECT id, number FROM orders WHERE id IN @Ids AND number IS NOT NULL", new { Ids = distinct }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Number, StringComparer.Ordinal);
    }

    public async Task<Order?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, id, cancellationToken);
    }

    private static async Task<Order?> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(new CommandDefinition(
            """
            SELECT id AS Id, customer_name AS CustomerName, customer_email AS CustomerEmail, address_name AS AddressName,
                address_line1 AS Line1, address_line2 AS Line2, address_city AS City, address_postal_code AS PostalCode,
                address_region AS Region, address_country AS Country, currency AS Currency, total_minor AS TotalMinor,
                express AS Express, placed_at AS PlacedAt, ship_by AS ShipBy, status AS Status, updated_at AS UpdatedAt,
                goods_minor AS GoodsMinor, shipping_minor AS ShippingMinor, tax_minor AS TaxMinor, duties_minor AS DutiesMinor,
                tax_regime AS TaxRegime, tax_country AS TaxCountry, tax_rate AS TaxRate, duties_paid_by AS DutiesPaidBy,
                shipping_service AS ShippingService, number AS Number
            FROM orders WHERE id = @Id
            """,
            new { Id = id },
            transaction,
            cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var currency = Currency.FromCode(row.Currency);
        var lines = (await connection.QueryAsync<LineRow>(new CommandDefinition(
            """
            SELECT product_id AS ProductId, product_name AS ProductName, material AS Material, colour AS Colour,
                quantity AS Quantity, unit_price_minor AS UnitPriceMinor
            FROM order_lines WHERE order_id = @Id ORDER BY line_no
            """,
            new { Id = id },
            transaction,
            cancellationToken: cancellationToken)))
            .Select(l => new OrderLine(l.ProductId, l.ProductName, l.Material, l.Colour, (int)l.Quantity, Money.FromMinor(l.UnitPriceMinor, currency)))
            .ToList();

        return Order.Restore(
            id: row.Id,
            customerName: row.CustomerName,
            customerEmail: row.CustomerEmail,
            shippingAddress: new Address(row.AddressName, row.Line1, row.Line2, row.City, row.PostalCode, row.Region, row.Country),
            currency: currency,
            lines: lines,
            total: Money.FromMinor(row.TotalMinor, currency),
            express: row.Express != 0,
            placedAt: DbTime.Read(row.PlacedAt),
            shipBy: DbTime.Read(row.ShipBy),
            status: Enum.Parse<OrderStatus>(row.Status),
            updatedAt: DbTime.Read(row.UpdatedAt),
            charges: ChargesOf(row, currency),
            number: row.Number);
    }

    private static OrderCharges? ChargesOf(OrderRow row, Currency currency) =>
        row.GoodsMinor is { } goods
            ? new OrderCharges(
                Money.FromMinor(goods, currency),
                Money.FromMinor(row.ShippingMinor ?? 0, currency),
                Money.FromMinor(row.TaxMinor ?? 0, currency),
                Money.FromMinor(row.DutiesMinor ?? 0, currency),
                Enum.Parse<TaxRegime>(row.TaxRegime ?? nameof(TaxRegime.Domestic)),
                row.TaxCountry ?? "",
                decimal.Parse(row.TaxRate ?? "0", System.Globalization.CultureInfo.InvariantCulture),
                Enum.Parse<DutiesPaidBy>(row.DutiesPaidBy ?? nameof(DutiesPaidBy.NoBorder)),
                row.ShippingService ?? "")
            : null;

    public sealed record IdempotencyRecord(string OrderId, string RequestHash);

    private sealed class OrderRow
    {
        public string Id { get; init; } = "";
        public string CustomerName { get; init; } = "";
        public string CustomerEmail { get; init; } = "";
        public string AddressName { get; init; } = "";
        public string Line1 { get; init; } = "";
        public string? Line2 { get; init; }
        public string City { get; init; } = "";
        public string PostalCode { get; init; } = "";
        public string? Region { get; init; }
        public string Country { get; init; } = "";
        public string Currency { get; init; } = "";
        public long TotalMinor { get; init; }
        public long Express { get; init; }
        public string PlacedAt { get; init; } = "";
        public string ShipBy { get; init; } = "";
        public string Status { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
        public long? GoodsMinor { get; init; }
        public long? ShippingMinor { get; init; }
        public long? TaxMinor { get; init; }
        public long? DutiesMinor { get; init; }
        public string? TaxRegime { get; init; }
        public string? TaxCountry { get; init; }
        public string? TaxRate { get; init; }
        public string? DutiesPaidBy { get; init; }
        public string? ShippingService { get; init; }
        public long? Number { get; init; }
    }

    private sealed class LineRow
    {
        public string ProductId { get; init; } = "";
        public string ProductName { get; init; } = "";
        public string Material { get; init; } = "";
        public string Colour { get; init; } = "";
        public long Quantity { get; init; }
        public long UnitPriceMinor { get; init; }
    }
}
