using System.Text;
using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The owner's order list: filtered and paged by the database, newest first.</summary>
public sealed class OrderSearchStore(SqliteConnectionFactory connections)
{
    public async Task<(IReadOnlyList<OrderSummary> Orders, int Total)> SearchAsync(OrderFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (filter.Status is { } status)
        {
            where.Append(" AND status = @Status");
            parameters.Add("Status", status.ToString());
        }

        if (!string.IsNullOrWhiteSpace(filter.CountryCode))
        {
            where.Append(" AND address_country = @Country");
            parameters.Add("Country", filter.CountryCode.Trim().ToUpperInvariant());
        }

        if (filter.Number is { } number)
        {
            // "MS-1042" or "1042" in the search box: the order with that number, and any whose id, e-mail or name holds the text.
            where.Append(" AND (number = @Number");
            parameters.Add("Number", number);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            where.Append(filter.Number is null ? " AND" : " OR");
            // LIKE with an escape character, so a customer's "%" or "_" is matched literally.
            where.Append(" (id LIKE @Like ESCAPE '\\' OR customer_email LIKE @Like ESCAPE '\\' OR customer_name LIKE @Like ESCAPE '\\')");
            var escaped = filter.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            parameters.Add("Like", "%" + escaped + "%");
        }

        if (filter.Number is not null)
        {
            where.Append(')');
        }

        if (filter.LateOnly)
        {
            where.Append(" AND status IN ('Placed', 'Paid', 'InProduction') AND ship_by < @Now");
            parameters.Add("Now", DbTime.Write(now));
        }

        parameters.Add("Limit", filter.Limit);
        parameters.Add("Offset", filter.Offset);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM orders" + where, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, customer_name AS CustomerName, customer_email AS CustomerEmail, address_country AS Country,
                   currency AS Currency, total_minor AS TotalMinor, status AS Status, placed_at AS PlacedAt, ship_by AS ShipBy, express AS Express, number AS Number
            FROM orders
            """ + where + " ORDER BY placed_at DESC, id LIMIT @Limit OFFSET @Offset",
            parameters,
            cancellationToken: cancellationToken));
        return ([.. rows.Select(r => new OrderSummary(
            r.Id, r.CustomerName, r.CustomerEmail, r.Country, Money.FromMinor(r.TotalMinor, Currency.FromCode(r.Currency)),
            Enum.Parse<OrderStatus>(r.Status), DbTime.Read(r.PlacedAt), DbTime.Read(r.ShipBy), r.Express != 0) { Number = r.Number })], total);
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public string CustomerName { get; init; } = "";

        public string CustomerEmail { get; init; } = "";

        public string Country { get; init; } = "";

        public string Currency { get; init; } = "";

        public long TotalMinor { get; init; }

        public string Status { get; init; } = "";

        public string PlacedAt { get; init; } = "";

        public string ShipBy { get; init; } = "";

        public long Express { get; init; }

        public long? Number { get; init; }
    }
}
