using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MakerShop.Bench.Soak;

/// <summary>
/// Order bodies for the soak: good ones (one or two lines of the calibration cube in a filament the fleet holds) and
/// corrupted ones, each carrying exactly one defect a broken client or an attacker would send.
/// </summary>
public sealed class OrderBodies(string productId, Random random)
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>The defects, in turn: every corrupted request must be refused with a ProblemDetails and store nothing.</summary>
    public static readonly string[] Corruptions =
    [
        "unknown product", "zero quantity", "negative quantity", "null line", "malformed JSON", "material not offered",
        "quantity over the per-line limit", "no lines", "quantity as text", "missing customer",
    ];

    private int _corrupted;

    public OrderRequest Good(string key)
    {
        var lineCount = random.Next(1, 3);
        var lines = new List<object?>();
        var units = 0;
        for (var i = 0; i < lineCount; i++)
        {
            var (material, colour) = SoakFleet.Filaments[random.Next(SoakFleet.Filaments.Length)];
            var quantity = random.Next(1, 3);
            units += quantity;
            lines.Add(new { productId, quantity, material, colour });
        }

        return new OrderRequest(key, Serialize(Body(lines)), units, null);
    }

    public OrderRequest Corrupted(string key)
    {
        var kind = Corruptions[_corrupted++ % Corruptions.Length];
        var (material, colour) = SoakFleet.Filaments[0];
        object? Line(object? quantity = null, string? product = null, string? material2 = null) =>
            new { productId = product ?? productId, quantity = quantity ?? 1, material = material2 ?? material, colour };
        byte[] body = kind switch
        {
            "unknown product" => Serialize(Body([Line(product: "no-such-product")])),
            "zero quantity" => Serialize(Body([Line(quantity: 0)])),
            "negative quantity" => Serialize(Body([Line(quantity: -3)])),
            "null line" => Serialize(Body([Line(), null])),
            "malformed JSON" => Truncated(Serialize(Body([Line()]))),
            "material not offered" => Serialize(Body([Line(material2: "unobtainium")])),
            "quantity over the per-line limit" => Serialize(Body([Line(quantity: 51)])),
            "no lines" => Serialize(Body([])),
            "quantity as text" => Serialize(Body([Line(quantity: "two")])),
            _ => Serialize(new { shippingAddress = Address, currency = "EUR", express = false, lines = new[] { Line() } }),
        };
        return new OrderRequest(key, body, 0, kind);
    }

    private static object Address => new
    {
        name = "Soak Test",
        line1 = "1 Rue de la Paix",
        line2 = (string?)null,
        city = "Paris",
        postalCode = "75002",
        region = (string?)null,
        countryCode = "FR",
    };

    private static object Body(List<object?> lines) => new
    {
        customer = new { name = "Soak Test", email = "soak@example.com" },
        shippingAddress = Address,
        currency = "EUR",
        express = false,
        lines,
    };

    private static byte[] Serialize(object body) => JsonSerializer.SerializeToUtf8Bytes(body, WebJson);

    private static byte[] Truncated(byte[] json)
    {
        var text = Encoding.UTF8.GetString(json);
        return Encoding.UTF8.GetBytes(text[..(text.Length / 2)] + string.Create(CultureInfo.InvariantCulture, $"\"x\":{text.Length}"));
    }
}
