using MakerShop.Core;
using MakerShop.Shipping.AfterShip;
using MakerShop.Shipping.EasyPost;
using MakerShop.Shipping.Shippo;
using static MakerShop.Shipping.Tests.Webhooks.ProviderExamples;

namespace MakerShop.Shipping.Tests.Webhooks;

public sealed class WebhookMappingTests
{
    [Fact]
    public void EasyPost_tracker_updated_event_maps_the_trackers_own_status_and_keeps_the_raw_words()
    {
        var notice = new EasyPostWebhook(EasyPostSecret).Parse(Bytes(EasyPostEvent))!;
        Assert.Equal(("easypost", "evt_3f9a", "FedEx", "986578788855", "trk_7c21"), (notice.Provider, notice.EventId, notice.Carrier, notice.TrackingNumber, notice.TrackerId));
        Assert.Equal(TrackingStatus.OutForDelivery, notice.Update.Status);
        Assert.Equal(("out_for_delivery", "out_for_delivery"), (notice.Update.RawStatus, notice.Update.RawDetail));
        Assert.Equal(DateTimeOffset.Parse("2026-03-04T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture), notice.Update.ObservedAt);
        Assert.Equal(2, notice.Checkpoints.Count);
        Assert.Equal("NEW YORK, NY, US", notice.Checkpoints[1].Location);
    }

    [Fact]
    public void Shippo_track_updated_uses_the_substatus_to_tell_out_for_delivery_from_transit()
    {
        var notice = new ShippoWebhook(ShippoSecret, null, TimeSpan.FromMinutes(5)).Parse(Bytes(ShippoTrackUpdated))!;
        Assert.Equal(TrackingStatus.OutForDelivery, notice.Update.Status);
        Assert.Equal(("TRANSIT", "out_for_delivery"), (notice.Update.RawStatus, notice.Update.RawDetail));
        Assert.Equal(("usps", "9400111206206406260787"), (notice.Carrier, notice.TrackingNumber));
        Assert.Equal("usps|9400111206206406260787|TRANSIT|2026-03-04T07:40:00Z|out_for_delivery", notice.EventId);
        Assert.Equal(2, notice.Checkpoints.Count);
    }

    [Fact]
    public void AfterShip_tracking_update_maps_the_tag_and_keeps_checkpoint_local_time_as_text()
    {
        var notice = new AfterShipWebhook(AfterShipSecret).Parse(Bytes(AfterShipEvent))!;
        Assert.Equal(("6a1c1b9e-2f63-4f4e-9d4c-0f2a7d2f1e55", "ups", "1Z999AA10123456784"), (notice.EventId, notice.Carrier, notice.TrackingNumber));
        Assert.Equal(TrackingStatus.Delivered, notice.Update.Status);
        Assert.Equal(("Delivered", "Delivered_001"), (notice.Update.RawStatus, notice.Update.RawDetail));
        var checkpoint = Assert.Single(notice.Checkpoints);
        Assert.Equal("2026-03-04T11:12:00", checkpoint.AtRaw);
        Assert.Null(checkpoint.At);
    }

    [Theory]
    [InlineData("in_transit", TrackingStatus.InTransit)]
    [InlineData("available_for_pickup", TrackingStatus.AvailableForPickup)]
    [InlineData("return_to_sender", TrackingStatus.ReturningToSender)]
    [InlineData("failure", TrackingStatus.Exception)]
    [InlineData("canceled", TrackingStatus.Cancelled)]
    [InlineData("cancelled", TrackingStatus.Cancelled)]
    [InlineData("error", TrackingStatus.Unknown)]
    [InlineData("teleported", TrackingStatus.Unknown)]
    public void EasyPost_statuses_map_and_unknown_ones_do_not_throw(string raw, TrackingStatus expected) =>
        Assert.Equal(expected, EasyPostStatusMap.Map(raw));

    [Theory]
    [InlineData("PRE_TRANSIT", null, TrackingStatus.LabelCreated)]
    [InlineData("TRANSIT", "delivery_attempted", TrackingStatus.DeliveryAttemptFailed)]
    [InlineData("RETURNED", null, TrackingStatus.ReturningToSender)]
    [InlineData("FAILURE", "package_lost", TrackingStatus.Exception)]
    [InlineData("LOST_IN_SPACE", null, TrackingStatus.Unknown)]
    public void Shippo_statuses_map_and_unknown_ones_do_not_throw(string raw, string? substatus, TrackingStatus expected) =>
        Assert.Equal(expected, ShippoStatusMap.Map(raw, substatus));

    [Theory]
    [InlineData("Pending", TrackingStatus.Unknown)]
    [InlineData("InfoReceived", TrackingStatus.LabelCreated)]
    [InlineData("AttemptFail", TrackingStatus.DeliveryAttemptFailed)]
    [InlineData("Exception", TrackingStatus.Exception)]
    [InlineData("Expired", TrackingStatus.Expired)]
    [InlineData("SomethingNew", TrackingStatus.Unknown)]
    public void AfterShip_tags_map_and_unknown_ones_do_not_throw(string raw, TrackingStatus expected) =>
        Assert.Equal(expected, AfterShipStatusMap.Map(raw));

    [Fact]
    public void Events_that_are_not_about_tracking_are_skipped()
    {
        Assert.Null(new EasyPostWebhook("s").Parse(Bytes("""{"id":"evt_9","object":"Event","description":"batch.created","result":{}}""")));
        Assert.Null(new ShippoWebhook("s", null, TimeSpan.FromMinutes(5)).Parse(Bytes("""{"event":"batch_created","test":true,"data":{}}""")));
    }
}
