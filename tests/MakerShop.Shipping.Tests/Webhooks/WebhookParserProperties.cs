using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CsCheck;
using MakerShop.Shipping.AfterShip;
using MakerShop.Shipping.EasyPost;
using MakerShop.Shipping.Shippo;
using MakerShop.Shipping.Tracking;
using static MakerShop.Shipping.Tests.Webhooks.ProviderExamples;

namespace MakerShop.Shipping.Tests.Webhooks;

/// <summary>
/// The tracking webhooks' body parsers over any body a provider (or someone pretending to be one, with a valid
/// signature) could send: each returns a notice, returns nothing, or refuses with <see cref="JsonException"/> (which the
/// intake answers with a 400); nothing else escapes, and no body takes long.
/// </summary>
public sealed class WebhookParserProperties
{
    private static readonly (string Name, ITrackingWebhookProvider Provider, string Sample)[] Providers =
    [
        ("EasyPost", new EasyPostWebhook(EasyPostSecret), EasyPostEvent),
        ("Shippo", new ShippoWebhook(ShippoSecret, null, TimeSpan.FromMinutes(5)), ShippoTrackUpdated),
        ("AfterShip", new AfterShipWebhook(AfterShipSecret), AfterShipEvent),
    ];

    // Replacements that keep a document JSON-shaped but put the wrong kind of value where a field is read.
    private static readonly string[] Values =
        ["null", "true", "0", "-1", "1e309", "\"\"", "\"x\"", "[]", "{}", "[[[]]]", "\"2026-13-45T99:99:99Z\"", "\"\\ud800\"", "9223372036854775808"];

    private static readonly Gen<byte[]> AnyBytes = Gen.Byte.Array[0, 2048];

    /// <summary>A real provider example with one of its values replaced, cut short, or with bytes spliced in.</summary>
    private static Gen<byte[]> Mutations(string sample) =>
        Gen.OneOf(
            Gen.Select(Gen.Int[0, sample.Length - 1], Gen.OneOf<string>(Values), (at, value) => Replace(sample, at, value)),
            Gen.Int[0, sample.Length].Select(length => Encoding.UTF8.GetBytes(sample[..length])),
            Gen.Select(Gen.Int[0, sample.Length], Gen.Byte.Array[1, 16], (at, bytes) =>
                (byte[])[.. Encoding.UTF8.GetBytes(sample[..at]), .. bytes, .. Encoding.UTF8.GetBytes(sample[at..])]));

    [Fact]
    public void Any_bytes_are_parsed_or_refused_as_JSON() =>
        AnyBytes.Sample(body =>
        {
            foreach (var (name, provider, _) in Providers)
            {
                ParseOrRefuse(name, provider, body);
            }
        }, iter: 2000, threads: 1);

    [Fact]
    public void Mutated_provider_examples_are_parsed_or_refused_as_JSON()
    {
        foreach (var (name, provider, sample) in Providers)
        {
            Mutations(sample).Sample(body => ParseOrRefuse(name, provider, body), iter: 2000, threads: 1);
        }
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_field_is_refused_as_JSON()
    {
        // Found by the property above: valid JSON escapes that spell invalid text made EasyPost's parser throw
        // InvalidOperationException, which the webhook intake answered with a 500.
        foreach (var (name, provider, sample) in Providers)
        {
            var body = Encoding.UTF8.GetBytes(sample.Replace("\"id\":\"", "\"id\":\"\\ud800", StringComparison.Ordinal)
                .Replace("\"event_id\":\"", "\"event_id\":\"\\ud800", StringComparison.Ordinal)
                .Replace("\"tracking_number\":\"", "\"tracking_number\":\"\\ud800", StringComparison.Ordinal));
            ParseOrRefuse(name, provider, body);
        }

        Assert.Throws<JsonException>(() => Providers[0].Provider.Parse(Encoding.UTF8.GetBytes(EasyPostEvent.Replace("\"id\":\"evt_3f9a\"", "\"id\":\"\\ud800\"", StringComparison.Ordinal))));
    }

    private static void ParseOrRefuse(string name, ITrackingWebhookProvider provider, byte[] body)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            provider.Parse(body);
        }
        catch (JsonException)
        {
            // The documented refusal.
        }
        catch (Exception ex)
        {
            Assert.Fail($"{name} threw {ex.GetType().Name} ({ex.Message}) for {Convert.ToBase64String(body)}");
        }

        // Generous for a loaded two-core machine: a body of a few kilobytes is parsed in microseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{name} took {clock.Elapsed} for {body.Length} bytes");
    }

    private static byte[] Replace(string sample, int at, string value)
    {
        // From a value position (after a ':'), replace up to the next ',' or '}' with the new value.
        var colon = sample.IndexOf(':', at);
        if (colon < 0)
        {
            return Encoding.UTF8.GetBytes(sample);
        }

        var end = sample.IndexOfAny([',', '}'], colon + 1);
        end = end < 0 ? sample.Length : end;
        return Encoding.UTF8.GetBytes(string.Concat(sample.AsSpan(0, colon + 1), value, sample.AsSpan(end)));
    }
}
