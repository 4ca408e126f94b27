using System.Text.Json;
using Dapper;
using MakerShop.Core;
using Microsoft.Data.Sqlite;

namespace MakerShop.Storage.Stores;

/// <summary>Shipments with their parcels and customs snapshot (JSON: they are written once and read whole).</summary>
public sealed class ShipmentStore(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT id AS Id, order_id AS OrderId, origin_country AS OriginCountry, destination_country AS DestinationCountry, status AS Status,
            parcels_json AS ParcelsJson, customs_json AS CustomsJson, provider AS Provider, carrier AS Carrier, tracking_number AS TrackingNumber,
            provider_shipment_id AS ProviderShipmentId, provider_tracker_id AS ProviderTrackerId, label_url AS LabelUrl,
            public_tracking_url AS PublicTrackingUrl, tracking_status AS TrackingStatus, raw_status AS RawStatus,
            raw_status_detail AS RawStatusDetail, tracked_at AS TrackedAt, delivered_at AS DeliveredAt, created_at AS CreatedAt, updated_at AS UpdatedAt,
            (SELECT MIN(t.at) FROM timeline_events t WHERE t.order_id = shipments.order_id AND t.kind = 'ShipmentHandedOver') AS HandedOverAt
        FROM shipments
        """;

    /// <summary>
    /// The order timeline event that records the hand-over to the carrier; the shipment reads its hand-over time from
    /// it, so the moment is written once, in the same transaction as the order's timeline.
    /// </summary>
    public const string HandedOverKind = "ShipmentHandedOver";

    /// <summary>Writes re-weighed parcels and the customs form decided for them, only while the shipment has no label.</summary>
    public static async Task<bool> UpdateParcelsAsync(DbSession session, Shipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(shipment);
        return await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE shipments SET parcels_json = @ParcelsJson, customs_json = @CustomsJson, updated_at = @UpdatedAt WHERE id = @Id AND status = 'Draft'",
            new
            {
                shipment.Id,
                ParcelsJson = ShipmentJson.WriteParcels(shipment.Parcels),
                CustomsJson = shipment.Customs is null ? null : ShipmentJson.WriteCustoms(shipment.Customs),
                UpdatedAt = DbTime.Write(shipment.UpdatedAt),
            },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    public static Task InsertAsync(DbSession session, Shipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(shipment);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO shipments (id, order_id, origin_country, destination_country, status, parcels_json, customs_json, created_at, updated_at)
            VALUES (@Id, @OrderId, @OriginCountry, @DestinationCountry, @Status, @ParcelsJson, @CustomsJson, @CreatedAt, @UpdatedAt)
            """,
            new
            {
                shipment.Id,
                shipment.OrderId,
                shipment.OriginCountry,
                shipment.DestinationCountry,
                Status = shipment.Status.ToString(),
                ParcelsJson = ShipmentJson.WriteParcels(shipment.Parcels),
                CustomsJson = shipment.Customs is null ? null : ShipmentJson.WriteCustoms(shipment.Customs),
                CreatedAt = DbTime.Write(shipment.CreatedAt),
                UpdatedAt = DbTime.Write(shipment.UpdatedAt),
            },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task UpdateAsync(DbSession session, Shipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(shipment);
        var label = shipment.Label;
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE shipments SET status = @Status, provider = @Provider, carrier = @Carrier, tracking_number = @TrackingNumber,
                provider_shipment_id = @ProviderShipmentId, provider_tracker_id = @ProviderTrackerId, label_url = @LabelUrl,
                public_tracking_url = @PublicTrackingUrl, tracking_status = @TrackingStatus, raw_status = @RawStatus,
                raw_status_detail = @RawStatusDetail, tracked_at = @TrackedAt, delivered_at = @DeliveredAt, updated_at = @UpdatedAt
            WHERE id = @Id
            """,
            new
            {
                shipment.Id,
                Status = shipment.Status.ToString(),
                label?.Provider,
                label?.Carrier,
                label?.TrackingNumber,
                label?.ProviderShipmentId,
                label?.ProviderTrackerId,
                label?.LabelUrl,
                label?.PublicTrackingUrl,
                TrackingStatus = shipment.TrackingStatus?.ToString(),
                shipment.RawStatus,
                shipment.RawStatusDetail,
                TrackedAt = DbTime.Write(shipment.TrackedAt),
                DeliveredAt = DbTime.Write(shipment.DeliveredAt),
                UpdatedAt = DbTime.Write(shipment.UpdatedAt),
            },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task<Shipment?> GetAsync(DbSession session, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await QueryOneAsync(session.Connection, session.Transaction, Select + " WHERE id = @Id", new { Id = id }, cancellationToken);
    }

    public static async Task<Shipment?> GetByOrderAsync(DbSession session, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await QueryOneAsync(session.Connection, session.Transaction, Select + " WHERE order_id = @OrderId", new { OrderId = orderId }, cancellationToken);
    }

    public async Task<Shipment?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await QueryOneAsync(connection, null, Select + " WHERE id = @Id", new { Id = id }, cancellationToken);
    }

    public async Task<Shipment?> GetByOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await QueryOneAsync(connection, null, Select + " WHERE order_id = @OrderId", new { OrderId = orderId }, cancellationToken);
    }

    /// <summary>
    /// The shipment a tracker report is about: by the provider's tracker id when it has one, else by tracking number
    /// (and carrier, compared case-insensitively because providers spell carriers their own way), newest first.
    /// </summary>
    public static async Task<Shipment?> FindForTrackingAsync(DbSession session, string? trackerId, string trackingNumber, string? carrier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (trackerId is not null
            && await QueryOneAsync(session.Connection, session.Transaction, Select + " WHERE provider_tracker_id = @TrackerId", new { TrackerId = trackerId }, cancellationToken) is { } byTracker)
        {
            return byTracker;
        }

        var rows = (await session.Connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE tracking_number = @Number ORDER BY created_at DESC",
            new { Number = trackingNumber },
            session.Transaction,
            cancellationToken: cancellationToken))).ToList();
        var match = rows.FirstOrDefault(r => carrier is null || string.Equals(Normalise(r.Carrier), Normalise(carrier), StringComparison.Ordinal)) ?? (rows.Count == 1 ? rows[0] : null);
        return match?.ToShipment();
    }

    /// <summary>Labelled shipments still on their way, for the given providers, least recently polled first.</summary>
    public async Task<IReadOnlyList<Shipment>> ListInFlightAsync(IReadOnlyCollection<string> providers, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE provider IN @Providers AND status NOT IN ('Draft', 'Delivered', 'Returned') ORDER BY COALESCE(last_polled_at, '') LIMIT @Limit",
            new { Providers = providers.ToArray(), Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToShipment())];
    }

    public async Task MarkPolledAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE shipments SET last_polled_at = @At WHERE id = @Id", new { Id = id, At = DbTime.Write(at) }, cancellationToken: cancellationToken));
    }

    /// <summary>Where an order's units were printed: the countries of the printers that completed them, most units first.</summary>
    public static async Task<IReadOnlyList<(string Country, int Units)>> PrintedInAsync(DbSession session, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.Connection.QueryAsync<(string Country, long Units)>(new CommandDefinition(
            """
            SELECT p.country_code, COUNT(DISTINCT j.unit_index) FROM print_jobs j JOIN printers p ON p.id = j.printer_id
            WHERE j.order_id = @OrderId AND j.status = 'Completed' GROUP BY p.country_code ORDER BY COUNT(DISTINCT j.unit_index) DESC, p.country_code
            """,
            new { OrderId = orderId },
            session.Transaction,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Country, (int)r.Units))];
    }

    private static string Normalise(string? carrier) =>
        new string((carrier ?? string.Empty).Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    private static async Task<Shipment?> QueryOneAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, object args, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        return row?.ToShipment();
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string OrderId { get; init; } = "";
        public string OriginCountry { get; init; } = "";
        public string DestinationCountry { get; init; } = "";
        public string Status { get; init; } = "";
        public string ParcelsJson { get; init; } = "";
        public string? CustomsJson { get; init; }
        public string? Provider { get; init; }
        public string? Carrier { get; init; }
        public string? TrackingNumber { get; init; }
        public string? ProviderShipmentId { get; init; }
        public string? ProviderTrackerId { get; init; }
        public string? LabelUrl { get; init; }
        public string? PublicTrackingUrl { get; init; }
        public string? TrackingStatus { get; init; }
        public string? RawStatus { get; init; }
        public string? RawStatusDetail { get; init; }
        public string? TrackedAt { get; init; }
        public string? DeliveredAt { get; init; }
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
        public string? HandedOverAt { get; init; }

        public Shipment ToShipment() => Shipment.Restore(
            Id, OrderId, OriginCountry, DestinationCountry, ShipmentJson.ReadParcels(ParcelsJson),
            CustomsJson is null ? null : ShipmentJson.ReadCustoms(CustomsJson),
            Enum.Parse<ShipmentStatus>(Status),
            Provider is null || Carrier is null || TrackingNumber is null
                ? null
                : new ShippingLabel(Provider, Carrier, TrackingNumber, ProviderShipmentId, ProviderTrackerId, LabelUrl, PublicTrackingUrl),
            RawStatus, RawStatusDetail,
            TrackingStatus is null ? null : Enum.Parse<TrackingStatus>(TrackingStatus),
            DbTime.ReadOptional(TrackedAt), DbTime.ReadOptional(DeliveredAt), DbTime.Read(CreatedAt), DbTime.Read(UpdatedAt),
            DbTime.ReadOptional(HandedOverAt));
    }
}
