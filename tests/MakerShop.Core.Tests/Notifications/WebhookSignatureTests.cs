using System.Security.Cryptography;
using System.Text;
using MakerShop.Core;

namespace MakerShop.Core.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test-secret";
    private const string Body = """{"id":"evt_1","type":"order.paid"}""";
    private static readonly DateTimeOffset At = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Header_is_the_timestamp_and_the_hex_hmac_of_timestamp_dot_body_keyed_with_the_secret()
    {
        var header = WebhookSignature.Header(Secret, At, Body);

        var t = At.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{Body}")));
        Assert.Equal($"t={t},v1={expected}", header);
    }

    [Fact]
    public void A_receiver_verifies_a_fresh_signature_and_refuses_a_changed_body_a_wrong_secret_or_an_old_timestamp()
    {
        var header = WebhookSignature.Header(Secret, At, Body);

        Assert.True(WebhookSignature.Verify(header, Secret, Body, At.AddMinutes(1), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(header, Secret, Body.Replace("paid", "shipped", StringComparison.Ordinal), At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(header, "whsec_other", Body, At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(header, Secret, Body, At.AddMinutes(6), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("v1=abc", Secret, Body, At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(null, Secret, Body, At, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Any_of_several_v1_values_may_match_while_a_secret_is_rotated()
    {
        var header = WebhookSignature.Header(Secret, At, Body);
        var withOld = header.Replace(",v1=", ",v1=00ff,v1=", StringComparison.Ordinal);

        Assert.True(WebhookSignature.Verify(withOld, Secret, Body, At, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Secrets_are_random_prefixed_and_shown_afterwards_only_by_their_last_four_characters()
    {
        var one = WebhookSecret.Create();
        var two = WebhookSecret.Create();

        Assert.StartsWith("whsec_", one, StringComparison.Ordinal);
        Assert.NotEqual(one, two);
        Assert.True(one.Length >= 40);
        Assert.Equal("whsec_…" + one[^4..], WebhookSecret.Masked(one));
    }

    [Fact]
    public void Event_names_round_trip_and_an_unknown_name_is_refused_on_the_events_field()
    {
        foreach (var type in WebhookEvents.All)
        {
            Assert.True(WebhookEvents.TryParse(WebhookEvents.WireName(type), out var back));
            Assert.Equal(type, back);
        }

        Assert.Equal([ShopEventType.OrderPaid, ShopEventType.JobFailed], WebhookEvents.ParseList(["job.failed", "order.paid", "job.failed"]));
        Assert.Equal("events", Assert.Throws<DomainValidationException>(() => WebhookEvents.ParseList(["order.lost"])).Field);
        Assert.Equal("events", Assert.Throws<DomainValidationException>(() => WebhookEvents.ParseList([])).Field);
    }
}
