using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// The lists behind the fulfilment desk. "Ready" is oldest first (the parcel that has waited longest goes out first);
/// the later lists show the newest movement first. A shipment is handed over once its order's timeline says so.
/// </summary>
public sealed class ShipmentDeskStore(SqliteConnectionFactory connections)
{
    private const int MaxRows = 200;

    private const string HandedOver =
        "(SELECT MIN(t.at) FROM timeline_events t WHERE t.order_id = s.order_id AND t.kind = '" + ShipmentStore.HandedOverKind + "')";

    private const string Select =
        "SELECT s.id AS ShipmentId, s.order_id AS OrderId, o.number AS OrderNumber, o.customer_name AS CustomerName, s.origin_country AS OriginCountry, "
        + "s.destination_country AS DestinationCountry, s.status AS Status, s.carrier AS Carrier, s.tracking_number AS TrackingNumber, "
        + "json_array_length(s.parcels_json) AS ParcelCount, s.customs_json IS NOT NULL AS HasCustoms, s.created_at AS CreatedAt, s.delivered_at AS DeliveredAt, s.updated_at AS UpdatedAt, "
        + HandedOver + " AS HandedOverAt FROM shipments s JOIN orders o ON o.id = s.order_id ";

    public async Task<IReadOnlyList<DeskShipment>> ListAsync(DeskTab tab, CancellationToken cancellationToken = default)
    {
        var where = tab switch
        {
            DeskTab.Ready => "WHERE s.status = 'Draft' ORDER BY s.created_at, s.id",
            DeskTab.Labelled => $"WHERE s.status = 'LabelCreated' AND {HandedOver} IS NULL ORDER BY s.updated_at, s.id",
            DeskTab.InTransit => $"WHERE s.status IN ('InTransit', 'OutForDelivery') OR (s.status = 'LabelCreated' AND {HandedOver} IS NOT NULL) ORDER BY s.updated_at DESC, s.id",
            DeskTab.Exceptions => "WHERE s.status IN ('Exception', 'Returned') ORDER BY s.updated_at DESC, s.id",
            DeskTab.Delivered => "WHERE s.status = 'Delivered' ORDER BY s.delivered_at DESC, s.id",
            _ => throw new ArgumentOutOfRangeException(nameof(tab), tab, "Unknown desk tab."),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"{Select}{where} LIMIT {MaxRows}", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDesk())];
    }

    /// <summary>How many shipments each list holds, for the tabs' counts.</summary>
    public async Task<IReadOnlyDictionary<DeskTab, int>> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Ready, long Labelled, long InTransit, long Exceptions, long Delivered)>(new CommandDefinition(
            $"""
            SELECT
                COALESCE(SUM(s.status = 'Draft'), 0),
                COALESCE(SUM(s.status = 'LabelCreated' AND {HandedOver} IS NULL), 0),
                COALESCE(SUM(s.status IN ('InTransit', 'OutForDelivery') OR (s.status = 'LabelCreated' AND {HandedOver} IS NOT NULL)), 0),
                COALESCE(SUM(s.status IN ('Exception', 'Returned')), 0),
                COALESCE(SUM(s.status = 'Delivered'), 0)
            FROM shipments s
            """,
            cancellationToken: cancellationToken));
        return new Dictionary<DeskTab, int>
        {
            [DeskTab.Ready] = (int)row.Ready,
            [DeskTab.Labelled] = (int)row.Labelled,
            [DeskTab.InTransit] = (int)row.InTransit,
            [DeskTab.Exceptions] = (int)row.Exceptions,
            [DeskTab.Delivered] = (int)row.Delivered,
        };
    }

    /// <summary>The shipments labelled between <paramref name="from"/> and <paramref name="to"/>, in the order they were labelled.</summary>
    public async Task<IReadOnlyList<string>> LabelledBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT s.id FROM shipments s JOIN timeline_events t ON t.order_id = s.order_id AND t.kind = 'Shipped'
            WHERE s.status <> 'Draft' AND t.at >= @From AND t.at < @To
            GROUP BY s.id ORDER BY MIN(t.at), s.id
            """,
            new { From = DbTime.Write(from), To = DbTime.Write(to) },
            cancellationToken: cancellationToken));
        return [.. ids];
    }

    private sealed class Row
    {
        public string ShipmentId { get; init; } = "";
        public string OrderId { get; init; } = "";
        public long? OrderNumber { get; init; }
        public string CustomerName { get; init; } = "";
        public string OriginCountry { get; init; } = "";
        public string DestinationCountry { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Carrier { get; init; }
        public string? TrackingNumber { get; init; }
        public long ParcelCount { get; init; }
        public bool HasCustoms { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? DeliveredAt { get; init; }
        public string UpdatedAt { get; init; } = "";
        public string? HandedOverAt { get; init; }

        public DeskShipment ToDesk() => new(
            ShipmentId, OrderId, CustomerName, OriginCountry, DestinationCountry, Enum.Parse<ShipmentStatus>(Status), Carrier, TrackingNumber,
            (int)ParcelCount, HasCustoms, DbTime.Read(CreatedAt), DbTime.ReadOptional(HandedOverAt),
            DbTime.ReadOptional(DeliveredAt), OrderNumber);
    }
}
