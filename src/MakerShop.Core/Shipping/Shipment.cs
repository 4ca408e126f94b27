namespace MakerShop.Core;

/// <summary>
/// The parcels of one order on their way to the customer. Draft until a label exists, then driven by tracker reports:
/// the tracker's own current status decides, and a report older than the last one applied is ignored, so duplicate
/// and out-of-order webhooks end in the same state as an orderly stream.
/// </summary>
public sealed class Shipment
{
    private const string Entity = "Shipment";

    private Shipment(string id, string orderId, string originCountry, string destinationCountry, IReadOnlyList<Parcel> parcels,
        CustomsDeclaration? customs, ShipmentStatus status, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        OrderId = orderId;
        OriginCountry = originCountry;
        DestinationCountry = destinationCountry;
        Parcels = parcels;
        Customs = customs;
        Status = status;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public string Id { get; }

    public string OrderId { get; }

    /// <summary>Where the parts were printed and the parcel leaves from.</summary>
    public string OriginCountry { get; }

    public string DestinationCountry { get; }

    public IReadOnlyList<Parcel> Parcels { get; private set; }

    /// <summary>Null for a parcel that stays inside one customs territory.</summary>
    public CustomsDeclaration? Customs { get; private set; }

    public ShipmentStatus Status { get; private set; }

    public ShippingLabel? Label { get; private set; }

    /// <summary>The provider's last status word, exactly as sent ("out_for_delivery", "TRANSIT", "AttemptFail").</summary>
    public string? RawStatus { get; private set; }

    public string? RawStatusDetail { get; private set; }

    /// <summary>The last canonical tracker status, including ones that do not move the shipment (Unknown).</summary>
    public TrackingStatus? TrackingStatus { get; private set; }

    /// <summary>When the newest applied tracker report was observed by the provider.</summary>
    public DateTimeOffset? TrackedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>When the owner gave the labelled parcels to the carrier (or the carrier's first scan said so).</summary>
    public DateTimeOffset? HandedOverAt { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsFinal => Status is ShipmentStatus.Delivered or ShipmentStatus.Returned;

    public static Shipment CreateDraft(string id, string orderId, string originCountry, string destinationCountry,
        IReadOnlyList<Parcel> parcels, CustomsDeclaration? customs, DateTimeOffset at)
    {
        Guard.NotBlank(id, "id", "The shipment id");
        Guard.NotBlank(orderId, "orderId", "The order id");
        if (!Guard.IsCountryCode(originCountry))
        {
            throw new DomainValidationException("originCountry", $"'{originCountry}' is not an ISO 3166-1 alpha-2 country code.");
        }

        if (!Guard.IsCountryCode(destinationCountry))
        {
            throw new DomainValidationException("destinationCountry", $"'{destinationCountry}' is not an ISO 3166-1 alpha-2 country code.");
        }

        if (parcels is null || parcels.Count == 0)
        {
            throw new DomainValidationException("parcels", "A shipment needs at least one parcel.");
        }

        if (customs is null && CustomsTerritory.CrossesBorder(originCountry, destinationCountry))
        {
            throw new DomainValidationException("customs", $"A parcel from {originCountry} to {destinationCountry} crosses a customs border and needs a declaration.");
        }

        return new Shipment(id, orderId, originCountry, destinationCountry, [.. parcels], customs, ShipmentStatus.Draft, at, at);
    }

    /// <summary>Rebuilds a shipment from storage as it was saved; no rule is re-checked.</summary>
    public static Shipment Restore(string id, string orderId, string originCountry, string destinationCountry, IReadOnlyList<Parcel> parcels,
        CustomsDeclaration? customs, ShipmentStatus status, ShippingLabel? label, string? rawStatus, string? rawStatusDetail,
        TrackingStatus? trackingStatus, DateTimeOffset? trackedAt, DateTimeOffset? deliveredAt, DateTimeOffset createdAt, DateTimeOffset updatedAt,
        DateTimeOffset? handedOverAt = null) =>
        new(id, orderId, originCountry, destinationCountry, [.. parcels], customs, status, createdAt, updatedAt)
        {
            Label = label,
            RawStatus = rawStatus,
            RawStatusDetail = rawStatusDetail,
            TrackingStatus = trackingStatus,
            TrackedAt = trackedAt,
            DeliveredAt = deliveredAt,
            HandedOverAt = handedOverAt,
        };

    /// <summary>
    /// The owner weighed and measured the boxes: the parcels are replaced while there is no label yet (a label was
    /// bought for the old weight), and the customs form is decided again by <paramref name="customs"/>.
    /// </summary>
    public void ReplaceParcels(IReadOnlyList<Parcel> parcels, CustomsDeclaration? customs, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        if (Status != ShipmentStatus.Draft)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), Status.ToString(), "its label was made for the parcels as they were");
        }

        if (parcels.Count == 0)
        {
            throw new DomainValidationException("parcels", "A shipment needs at least one parcel.");
        }

        if ((customs is null) != (Customs is null))
        {
            throw new DomainValidationException("customs", "Editing parcels does not change whether the shipment crosses a customs border.");
        }

        Parcels = [.. parcels];
        Customs = customs;
        UpdatedAt = at;
    }

    /// <summary>The parcels are with the carrier: only once labelled, and only once.</summary>
    public void MarkHandedOver(DateTimeOffset at)
    {
        if (Status == ShipmentStatus.Draft)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), "HandedOver", "it has no label yet");
        }

        if (HandedOverAt is not null)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), "HandedOver", "it was already handed over");
        }

        HandedOverAt = at;
        UpdatedAt = at;
    }

    /// <summary>The status a tracker status moves a shipment to; null when it says nothing the shipment can act on.</summary>
    public static ShipmentStatus? MapTracking(TrackingStatus status) => status switch
    {
        Core.TrackingStatus.LabelCreated => ShipmentStatus.LabelCreated,
        Core.TrackingStatus.InTransit => ShipmentStatus.InTransit,
        Core.TrackingStatus.OutForDelivery or Core.TrackingStatus.AvailableForPickup => ShipmentStatus.OutForDelivery,
        Core.TrackingStatus.Delivered => ShipmentStatus.Delivered,
        Core.TrackingStatus.ReturningToSender => ShipmentStatus.Returned,
        Core.TrackingStatus.DeliveryAttemptFailed or Core.TrackingStatus.Exception or Core.TrackingStatus.Expired or Core.TrackingStatus.Cancelled => ShipmentStatus.Exception,
        _ => null,
    };

    public bool CanTransitionTo(ShipmentStatus target) => target switch
    {
        ShipmentStatus.Draft => false,
        ShipmentStatus.LabelCreated => Status == ShipmentStatus.Draft,
        _ => Status != ShipmentStatus.Draft && !IsFinal && target != Status,
    };

    public void AttachLabel(ShippingLabel label, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!CanTransitionTo(ShipmentStatus.LabelCreated))
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), nameof(ShipmentStatus.LabelCreated), "it already has a label");
        }

        Guard.NotBlank(label.Carrier, "carrier", "The carrier");
        Guard.NotBlank(label.TrackingNumber, "trackingNumber", "The tracking number");
        Label = label;
        Status = ShipmentStatus.LabelCreated;
        UpdatedAt = at;
    }

    /// <summary>
    /// Applies a tracker's current status. An unknown status is recorded raw without moving the shipment; a report
    /// observed before the newest one applied is stale; Delivered and Returned are final.
    /// </summary>
    public TrackingApplyResult ApplyTracking(TrackingUpdate update, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (Status == ShipmentStatus.Draft)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), update.Status.ToString(), "it has no label to track yet");
        }

        if (TrackedAt is { } last && update.ObservedAt < last)
        {
            return TrackingApplyResult.Stale;
        }

        if (IsFinal)
        {
            return TrackingApplyResult.AlreadyFinal;
        }

        RawStatus = update.RawStatus;
        RawStatusDetail = update.RawDetail;
        TrackingStatus = update.Status;
        TrackedAt = update.ObservedAt;
        UpdatedAt = at;

        // A tracker that only says "label created" never pulls a moving parcel back.
        var target = MapTracking(update.Status);
        if (target is null || target == Status || target == ShipmentStatus.LabelCreated)
        {
            return TrackingApplyResult.Recorded;
        }

        Status = target.Value;
        if (target == ShipmentStatus.Delivered)
        {
            DeliveredAt = update.ObservedAt;
        }

        return TrackingApplyResult.StatusChanged;
    }
}
