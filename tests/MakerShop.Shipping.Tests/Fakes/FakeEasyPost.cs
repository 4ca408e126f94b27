using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MakerShop.Shipping.EasyPost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.Shipping.Tests.Fakes;

/// <summary>
/// EasyPost's shipment, buy and tracker endpoints as documented (fulfilment.md §1.1): HTTP Basic with the API key as
/// user name, 401 without it, 422 for what EasyPost refuses (no parcel weight, an international parcel without
/// customs, an unknown rate). It can push tracker.updated Events, signed the way EasyPost signs them.
/// </summary>
public sealed class FakeEasyPost(string apiKey) : LoopbackApp
{
    private readonly ConcurrentDictionary<string, JsonObject> _shipments = new();
    private readonly ConcurrentDictionary<string, JsonObject> _trackers = new();
    private readonly ConcurrentDictionary<string, byte[]> _labels = new();
    private int _sequence;

    /// <summary>Every create-shipment body received, as sent.</summary>
    public ConcurrentQueue<JsonNode> CreatedShipments { get; } = new();

    public int Unauthorised { get; private set; }

    /// <summary>The trackers created by bought labels.</summary>
    public IReadOnlyCollection<string> TrackerIds => [.. _trackers.Keys];

    /// <summary>Moves a tracker on, as the carrier's scans would; what GET /v2/trackers/{id} answers from then on.</summary>
    public JsonObject SetTrackerStatus(string trackerId, string status, DateTimeOffset updatedAt)
    {
        var tracker = _trackers[trackerId];
        tracker["status"] = status;
        tracker["updated_at"] = updatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        ((JsonArray)tracker["tracking_details"]!).Add(new JsonObject
        {
            ["object"] = "TrackingDetail",
            ["message"] = $"Status {status}",
            ["status"] = status,
            ["datetime"] = tracker["updated_at"]!.GetValue<string>(),
            ["tracking_location"] = new JsonObject { ["city"] = "MEMPHIS", ["state"] = "TN", ["country"] = "US" },
        });
        return tracker;
    }

    /// <summary>POSTs a tracker.updated Event to <paramref name="webhookUrl"/>, signed with the webhook secret.</summary>
    public async Task<HttpResponseMessage> PushTrackerUpdateAsync(HttpClient http, Uri webhookUrl, string secret, string trackerId, string status, DateTimeOffset updatedAt, string? eventId = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tracker = SetTrackerStatus(trackerId, status, updatedAt);
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = eventId ?? $"evt_{Interlocked.Increment(ref _sequence)}",
            ["object"] = "Event",
            ["description"] = "tracker.updated",
            ["mode"] = "test",
            ["created_at"] = tracker["updated_at"]!.GetValue<string>(),
            ["updated_at"] = tracker["updated_at"]!.GetValue<string>(),
            ["result"] = tracker.DeepClone(),
        }.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(EasyPostWebhook.SignatureHeader, EasyPostWebhook.Sign(secret, body));
        return await http.PostAsync(webhookUrl, content);
    }

    protected override void Map(WebApplication app)
    {
        // Label files are public URLs (EasyPost serves them from its file store), fetched without the API key.
        app.MapGet("/files/postage_label/{name}", (string name) => _labels.TryGetValue(name, out var pdf)
            ? Results.File(pdf, "application/pdf")
            : Results.NotFound());
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/files", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            if (!Authorised(context.Request.Headers.Authorization.ToString()))
            {
                Unauthorised++;
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(Error("APIKEY.REQUIRED", "No API key found. Use HTTP Basic auth with your API key as the user name."));
                return;
            }

            await next(context);
        });
        app.MapPost("/v2/shipments", CreateShipment);
        app.MapPost("/v2/shipments/{id}/buy", Buy);
        app.MapGet("/v2/trackers/{id}", (string id) => _trackers.TryGetValue(id, out var tracker)
            ? Results.Json(tracker)
            : Results.Json(Error("TRACKER.NOT_FOUND", "The requested resource could not be found."), statusCode: 404));
    }

    private async Task<IResult> CreateShipment(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        var shipment = body?["shipment"]?.AsObject();
        if (shipment is null)
        {
            return Results.Json(Error("PARAMETER.REQUIRED", "Missing required parameter: shipment."), statusCode: 422);
        }

        CreatedShipments.Enqueue(body!);
        var from = shipment["from_address"]?["country"]?.GetValue<string>();
        var to = shipment["to_address"]?["country"]?.GetValue<string>();
        if (from is null || to is null)
        {
            return Results.Json(Error("ADDRESS.COUNTRY.INVALID", "Both addresses need a country."), statusCode: 422);
        }

        if (shipment["parcel"]?["weight"]?.GetValue<double>() is not > 0)
        {
            return Results.Json(Error("PARCEL.WEIGHT.MISSING", "Parcel weight must be greater than 0 oz."), statusCode: 422);
        }

        var items = shipment["customs_info"]?["customs_items"]?.AsArray();
        if (from != to && (items is null || items.Count == 0 || items.Any(i => i?["quantity"]?.GetValue<int>() is not > 0)))
        {
            return Results.Json(Error("SHIPMENT.CUSTOMS.MISSING", "An international shipment needs customs_info with at least one item."), statusCode: 422);
        }

        var id = $"shp_{Interlocked.Increment(ref _sequence)}";
        var result = new JsonObject
        {
            ["id"] = id,
            ["object"] = "Shipment",
            ["mode"] = "test",
            ["tracking_code"] = null,
            ["label_format"] = shipment["options"]?["label_format"]?.GetValue<string>() ?? "PNG",
            ["rates"] = new JsonArray(
                Rate($"rate_{id}_1", id, "UPS", "Expedited", "38.10", 2),
                Rate($"rate_{id}_2", id, "USPS", "PriorityMailInternational", "24.75", 6)),
        };
        _shipments[id] = result;
        return Results.Json(result);
    }

    private async Task<IResult> Buy(string id, HttpRequest request)
    {
        if (!_shipments.TryGetValue(id, out var shipment))
        {
            return Results.Json(Error("SHIPMENT.NOT_FOUND", "The requested resource could not be found."), statusCode: 404);
        }

        var body = await JsonNode.ParseAsync(request.Body);
        var rateId = body?["rate"]?["id"]?.GetValue<string>();
        var rate = shipment["rates"]!.AsArray().FirstOrDefault(r => r!["id"]!.GetValue<string>() == rateId);
        if (rate is null)
        {
            return Results.Json(Error("SHIPMENT.RATE.INVALID", "The rate is not one of this shipment's rates."), statusCode: 422);
        }

        if (shipment["tracking_code"] is not null)
        {
            return Results.Json(Error("SHIPMENT.POSTAGE.EXISTS", "This shipment already has postage."), statusCode: 422);
        }

        var n = Interlocked.Increment(ref _sequence);
        var code = $"EZ{n % 7 + 1}00000000{n % 10}";
        var trackerId = $"trk_{n}";
        _trackers[trackerId] = new JsonObject
        {
            ["id"] = trackerId,
            ["object"] = "Tracker",
            ["mode"] = "test",
            ["tracking_code"] = code,
            ["carrier"] = rate["carrier"]!.GetValue<string>(),
            ["status"] = "pre_transit",
            ["status_detail"] = "label_created",
            ["updated_at"] = "2026-01-01T00:00:00Z",
            ["tracking_details"] = new JsonArray(),
            ["public_url"] = $"https://track.example/{trackerId}",
        };
        shipment["tracking_code"] = code;
        shipment["selected_rate"] = rate.DeepClone();
        var postageLabel = new JsonObject { ["object"] = "PostageLabel", ["label_file_type"] = "image/png", ["label_url"] = $"https://labels.example/{id}.png" };
        if (shipment["label_format"]?.GetValue<string>() == "PDF")
        {
            // label_format PDF: the label is also a PDF file, at label_pdf_url (EasyPost's PostageLabel object).
            _labels[$"{id}.pdf"] = LabelPdf(rate["carrier"]!.GetValue<string>(), rate["service"]!.GetValue<string>(), code);
            postageLabel["label_pdf_url"] = new Uri(BaseAddress, $"/files/postage_label/{id}.pdf").ToString();
        }

        shipment["postage_label"] = postageLabel;
        shipment["tracker"] = new JsonObject { ["id"] = trackerId, ["public_url"] = $"https://track.example/{trackerId}", ["status"] = "pre_transit" };
        return Results.Json(shipment);
    }

    /// <summary>A 4 x 6 in label page with the carrier, service and tracking code, as a label printer would get it.</summary>
    private static byte[] LabelPdf(string carrier, string service, string trackingCode)
    {
        MakerShop.Shipping.Documents.DejaVuFontResolver.EnsureRegistered(MakerShop.Shipping.Documents.DejaVuFontResolver.DefaultDirectory);
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        page.Width = PdfSharp.Drawing.XUnit.FromInch(4);
        page.Height = PdfSharp.Drawing.XUnit.FromInch(6);
        using (var gfx = PdfSharp.Drawing.XGraphics.FromPdfPage(page))
        {
            var font = new PdfSharp.Drawing.XFont(MakerShop.Shipping.Documents.DejaVuFontResolver.Family, 12, PdfSharp.Drawing.XFontStyleEx.Bold);
            gfx.DrawString($"{carrier} {service}", font, PdfSharp.Drawing.XBrushes.Black, new PdfSharp.Drawing.XPoint(18, 40));
            gfx.DrawString($"TRACKING # {trackingCode}", font, PdfSharp.Drawing.XBrushes.Black, new PdfSharp.Drawing.XPoint(18, 70));
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private bool Authorised(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
            return decoded == apiKey + ":";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static JsonObject Rate(string id, string shipmentId, string carrier, string service, string amount, int days) => new()
    {
        ["id"] = id,
        ["object"] = "Rate",
        ["carrier"] = carrier,
        ["service"] = service,
        ["rate"] = amount,
        ["currency"] = "USD",
        ["delivery_days"] = days,
        ["shipment_id"] = shipmentId,
    };

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    /// <summary>The JSON of a create-shipment body, for assertions.</summary>
    public static string Describe(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
