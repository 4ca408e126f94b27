using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.Shipping.Tests.Fakes;

/// <summary>
/// Shippo's shipments, transactions and tracks endpoints as documented (fulfilment.md §1.2): <c>Authorization:
/// ShippoToken &lt;token&gt;</c> or 401, 400 for an international shipment without a customs declaration or a
/// transaction for an unknown rate.
/// </summary>
public sealed class FakeShippo(string token) : LoopbackApp
{
    private readonly ConcurrentDictionary<string, JsonObject> _rates = new();
    private readonly ConcurrentDictionary<string, JsonObject> _tracks = new();
    private int _sequence;

    public ConcurrentQueue<JsonNode> CreatedShipments { get; } = new();

    public void SetTrack(string carrier, string number, string status, string? substatus, DateTimeOffset at) =>
        _tracks[$"{carrier}/{number}"] = new JsonObject
        {
            ["carrier"] = carrier,
            ["tracking_number"] = number,
            ["tracking_status"] = new JsonObject
            {
                ["status"] = status,
                ["status_details"] = $"Status {status}",
                ["status_date"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["substatus"] = substatus is null ? null : new JsonObject { ["code"] = substatus, ["text"] = substatus, ["action_required"] = false },
            },
            ["tracking_history"] = new JsonArray(),
        };

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() != $"ShippoToken {token}")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["detail"] = "Authentication credentials were not provided." });
                return;
            }

            await next(context);
        });
        app.MapPost("/shipments/", CreateShipment);
        app.MapPost("/transactions/", Transact);
        app.MapGet("/tracks/{carrier}/{number}", (string carrier, string number) => _tracks.TryGetValue($"{carrier}/{number}", out var track)
            ? Results.Json(track)
            : Results.Json(new JsonObject { ["detail"] = "Not found." }, statusCode: 404));
    }

    private async Task<IResult> CreateShipment(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))?.AsObject();
        if (body is null)
        {
            return Results.Json(new JsonObject { ["detail"] = "JSON body required." }, statusCode: 400);
        }

        CreatedShipments.Enqueue(body);
        var from = body["address_from"]?["country"]?.GetValue<string>();
        var to = body["address_to"]?["country"]?.GetValue<string>();
        if (from is null || to is null || body["parcels"] is not JsonArray { Count: > 0 })
        {
            return Results.Json(new JsonObject { ["address_from"] = "required", ["address_to"] = "required", ["parcels"] = "required" }, statusCode: 400);
        }

        if (from != to && body["customs_declaration"] is not JsonObject { } customs)
        {
            return Results.Json(new JsonObject { ["customs_declaration"] = new JsonArray("International shipments require a customs declaration.") }, statusCode: 400);
        }

        var id = $"shp{Interlocked.Increment(ref _sequence)}";
        var rate = new JsonObject
        {
            ["object_id"] = $"rate{id}",
            ["amount"] = "17.20",
            ["currency"] = "EUR",
            ["provider"] = "USPS",
            ["servicelevel"] = new JsonObject { ["name"] = "Priority Mail International", ["token"] = "usps_priority_mail_international" },
            ["estimated_days"] = 6,
        };
        _rates[rate["object_id"]!.GetValue<string>()] = rate;
        return Results.Json(new JsonObject { ["object_id"] = id, ["status"] = "SUCCESS", ["rates"] = new JsonArray(rate.DeepClone()) }, statusCode: 201);
    }

    private async Task<IResult> Transact(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        var rateId = body?["rate"]?.GetValue<string>();
        if (rateId is null || !_rates.ContainsKey(rateId))
        {
            return Results.Json(new JsonObject { ["rate"] = new JsonArray("Rate not found.") }, statusCode: 400);
        }

        var n = Interlocked.Increment(ref _sequence);
        return Results.Json(new JsonObject
        {
            ["object_id"] = $"txn{n}",
            ["status"] = "SUCCESS",
            ["tracking_number"] = "9400111206206406260787",
            ["tracking_url_provider"] = "https://tools.usps.example/go/TrackConfirmAction?tLabels=9400111206206406260787",
            ["label_url"] = $"https://labels.example/txn{n}.pdf",
        }, statusCode: 201);
    }
}
