using MakerShop.Shipping.AfterShip;
using MakerShop.Shipping.EasyPost;
using MakerShop.Shipping.Shippo;
using static MakerShop.Shipping.Tests.Webhooks.ProviderExamples;

namespace MakerShop.Shipping.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(ShippoTimestamp);

    [Fact]
    public void EasyPost_signature_is_verified_with_the_NFKD_normalised_secret()
    {
        var webhook = new EasyPostWebhook(EasyPostSecret);
        Assert.True(webhook.Verify(Requests.With(EasyPostEvent, new Dictionary<string, string> { ["X-Hmac-Signature"] = EasyPostSignature }), SignedAt).IsAuthentic);
        Assert.Equal(EasyPostSignature, EasyPostWebhook.Sign(EasyPostSecret, Bytes(EasyPostEvent)));
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(EasyPostSecret, "\"out_for_delivery\"")]
    public void EasyPost_forged_signature_or_altered_body_is_rejected(string secret, string? tamper)
    {
        var body = tamper is null ? EasyPostEvent : EasyPostEvent.Replace(tamper, "\"delivered\"", StringComparison.Ordinal);
        var verdict = new EasyPostWebhook(secret).Verify(Requests.With(body, new Dictionary<string, string> { ["X-Hmac-Signature"] = EasyPostSignature }), SignedAt);
        Assert.False(verdict.IsAuthentic);
        Assert.Equal("signature does not match the body", verdict.Reason);
    }

    [Fact]
    public void EasyPost_request_without_a_signature_is_rejected()
    {
        var verdict = new EasyPostWebhook(EasyPostSecret).Verify(Requests.With(EasyPostEvent), SignedAt);
        Assert.Equal("no X-Hmac-Signature header", verdict.Reason);
    }

    [Fact]
    public void AfterShip_base64_signature_is_verified_and_a_forged_one_rejected()
    {
        var webhook = new AfterShipWebhook(AfterShipSecret);
        Assert.True(webhook.Verify(Requests.With(AfterShipEvent, new Dictionary<string, string> { ["aftership-hmac-sha256"] = AfterShipSignature }), SignedAt).IsAuthentic);
        Assert.False(webhook.Verify(Requests.With(AfterShipEvent, new Dictionary<string, string> { ["aftership-hmac-sha256"] = AfterShip.AfterShipWebhook.Sign("guess", Bytes(AfterShipEvent)) }), SignedAt).IsAuthentic);
        Assert.False(webhook.Verify(Requests.With(AfterShipEvent, new Dictionary<string, string> { ["aftership-hmac-sha256"] = "not base64!" }), SignedAt).IsAuthentic);
    }

    [Fact]
    public void Shippo_HMAC_over_timestamp_and_body_is_verified_within_five_minutes()
    {
        var webhook = new ShippoWebhook(ShippoSecret, null, TimeSpan.FromMinutes(5));
        var headers = new Dictionary<string, string> { ["Shippo-Auth-Signature"] = ShippoSignature };
        Assert.True(webhook.Verify(Requests.With(ShippoTrackUpdated, headers), SignedAt.AddMinutes(4)).IsAuthentic);
        Assert.Equal(ShippoSignature, ShippoWebhook.Sign(ShippoSecret, ShippoTimestamp, Bytes(ShippoTrackUpdated)));
    }

    [Fact]
    public void Shippo_request_replayed_after_the_window_is_rejected_even_with_a_valid_signature()
    {
        var webhook = new ShippoWebhook(ShippoSecret, null, TimeSpan.FromMinutes(5));
        var verdict = webhook.Verify(Requests.With(ShippoTrackUpdated, new Dictionary<string, string> { ["Shippo-Auth-Signature"] = ShippoSignature }), SignedAt.AddMinutes(6));
        Assert.False(verdict.IsAuthentic);
        Assert.Contains("replayed", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shippo_timestamp_cannot_be_moved_forward_without_breaking_the_signature()
    {
        var webhook = new ShippoWebhook(ShippoSecret, null, TimeSpan.FromMinutes(5));
        var moved = ShippoSignature.Replace("t=1772619300", "t=1772619900", StringComparison.Ordinal);
        var verdict = webhook.Verify(Requests.With(ShippoTrackUpdated, new Dictionary<string, string> { ["Shippo-Auth-Signature"] = moved }), SignedAt.AddMinutes(10));
        Assert.Equal("signature does not match the body", verdict.Reason);
    }

    [Fact]
    public void Shippo_URL_token_scheme_needs_the_exact_token()
    {
        var webhook = new ShippoWebhook(null, "tok-123", TimeSpan.FromMinutes(5));
        Assert.True(webhook.Verify(Requests.With(ShippoTrackUpdated, query: new Dictionary<string, string> { ["token"] = "tok-123" }), SignedAt).IsAuthentic);
        Assert.False(webhook.Verify(Requests.With(ShippoTrackUpdated, query: new Dictionary<string, string> { ["token"] = "tok-124" }), SignedAt).IsAuthentic);
        Assert.False(webhook.Verify(Requests.With(ShippoTrackUpdated), SignedAt).IsAuthentic);
        Assert.False(new ShippoWebhook(null, null, TimeSpan.FromMinutes(5)).Verify(Requests.With(ShippoTrackUpdated), SignedAt).IsAuthentic);
    }
}
