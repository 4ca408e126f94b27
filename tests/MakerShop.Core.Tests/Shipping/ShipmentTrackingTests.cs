namespace MakerShop.Core.Tests.Shipping;

public sealed class ShipmentTrackingTests
{
    private static readonly DateTimeOffset T0 = Build.T0;

    private static Shipment Labelled()
    {
        var shipment = Shipment.CreateDraft("shp-1", "ord_123", "FR", "FR", [new Parcel(1, 250, new Size3(200, 150, 100), [new ParcelItem(0, 1, 50)])], null, T0);
        shipment.AttachLabel(new ShippingLabel("manual", "ups", "1Z999AA10123456784", null, null, null, null), T0);
        return shipment;
    }

    private static TrackingUpdate At(TrackingStatus status, int minutes, string raw = "raw") => new(status, raw, null, T0.AddMinutes(minutes), null);

    [Fact]
    public void A_draft_gets_a_label_once_and_then_refuses_a_second()
    {
        var shipment = Labelled();
        Assert.Equal(ShipmentStatus.LabelCreated, shipment.Status);
        var ex = Assert.Throws<InvalidTransitionException>(() => shipment.AttachLabel(shipment.Label!, T0));
        Assert.Equal("LabelCreated", ex.From);
    }

    [Fact]
    public void A_draft_cannot_be_tracked()
    {
        var shipment = Shipment.CreateDraft("shp-1", "ord_123", "FR", "FR", [new Parcel(1, 250, new Size3(200, 150, 100), [])], null, T0);
        Assert.Throws<InvalidTransitionException>(() => shipment.ApplyTracking(At(TrackingStatus.InTransit, 1), T0));
    }

    [Fact]
    public void A_parcel_across_a_customs_border_cannot_be_drafted_without_a_declaration()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            Shipment.CreateDraft("shp-1", "ord_123", "FR", "US", [new Parcel(1, 250, new Size3(200, 150, 100), [])], null, T0));
        Assert.Equal("customs", ex.Field);
    }

    [Fact]
    public void The_whole_journey_ends_Delivered_with_the_delivery_time_from_the_tracker()
    {
        var shipment = Labelled();
        Assert.Equal(TrackingApplyResult.StatusChanged, shipment.ApplyTracking(At(TrackingStatus.InTransit, 10, "in_transit"), T0));
        Assert.Equal(TrackingApplyResult.StatusChanged, shipment.ApplyTracking(At(TrackingStatus.OutForDelivery, 20, "out_for_delivery"), T0));
        Assert.Equal(TrackingApplyResult.StatusChanged, shipment.ApplyTracking(At(TrackingStatus.Delivered, 30, "delivered"), T0));
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.Equal(T0.AddMinutes(30), shipment.DeliveredAt);
        Assert.Equal("delivered", shipment.RawStatus);
    }

    [Fact]
    public void Reports_arriving_out_of_order_end_in_the_same_state_as_in_order()
    {
        var shipment = Labelled();
        shipment.ApplyTracking(At(TrackingStatus.Delivered, 30, "delivered"), T0);
        Assert.Equal(TrackingApplyResult.Stale, shipment.ApplyTracking(At(TrackingStatus.InTransit, 10, "in_transit"), T0));
        Assert.Equal(TrackingApplyResult.Stale, shipment.ApplyTracking(At(TrackingStatus.OutForDelivery, 20, "out_for_delivery"), T0));
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.Equal("delivered", shipment.RawStatus);
    }

    [Fact]
    public void An_unknown_status_is_kept_raw_without_moving_the_shipment()
    {
        var shipment = Labelled();
        shipment.ApplyTracking(At(TrackingStatus.InTransit, 10), T0);
        Assert.Equal(TrackingApplyResult.Recorded, shipment.ApplyTracking(At(TrackingStatus.Unknown, 11, "teleported"), T0));
        Assert.Equal(ShipmentStatus.InTransit, shipment.Status);
        Assert.Equal("teleported", shipment.RawStatus);
        Assert.Equal(TrackingStatus.Unknown, shipment.TrackingStatus);
    }

    [Fact]
    public void An_exception_can_clear_back_to_transit_but_a_delivered_parcel_stays_delivered()
    {
        var shipment = Labelled();
        shipment.ApplyTracking(At(TrackingStatus.Exception, 10, "failure"), T0);
        Assert.Equal(ShipmentStatus.Exception, shipment.Status);
        shipment.ApplyTracking(At(TrackingStatus.InTransit, 20), T0);
        Assert.Equal(ShipmentStatus.InTransit, shipment.Status);
        shipment.ApplyTracking(At(TrackingStatus.Delivered, 30), T0);
        Assert.Equal(TrackingApplyResult.AlreadyFinal, shipment.ApplyTracking(At(TrackingStatus.Exception, 40), T0));
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
    }

    [Theory]
    [InlineData(TrackingStatus.ReturningToSender, ShipmentStatus.Returned)]
    [InlineData(TrackingStatus.DeliveryAttemptFailed, ShipmentStatus.Exception)]
    [InlineData(TrackingStatus.AvailableForPickup, ShipmentStatus.OutForDelivery)]
    [InlineData(TrackingStatus.Expired, ShipmentStatus.Exception)]
    public void Each_tracker_status_maps_to_one_shipment_status(TrackingStatus tracking, ShipmentStatus expected)
    {
        var shipment = Labelled();
        shipment.ApplyTracking(At(tracking, 5), T0);
        Assert.Equal(expected, shipment.Status);
    }
}
