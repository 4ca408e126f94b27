using MakerShop.Core;
using MakerShop.Shipping.Documents;
using MakerShop.Storage.Stores;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Shipping.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>The owner's shipment API: read, rate, label (typed number or bought), print customs documents.</summary>
public static class ShippingEndpoints
{
    public static IEndpointRouteBuilder MapShipmentsApi(this IEndpointRouteBuilder app)
    {
        var shipments = app.MapGroup("/api/shipments").WithTags("Shipments").RequireAuthorization(Accounts.AccountsSetup.OwnerPolicy);
        shipments.MapGet("/{id}", GetAsync).WithName("GetShipment");
        shipments.MapGet("/{id}/rates", RatesAsync).WithName("GetShipmentRates");
        shipments.MapPost("/{id}/label", LabelAsync).WithName("LabelShipment")
            .WithSummary("Enter the tracking number of a label made by hand, or buy a label from EasyPost or Shippo.");
        shipments.MapGet("/{id}/documents/cn23.pdf", (string id, ShipmentStore store, OrderStore orders, IOptions<ShippingOptions> options, CancellationToken ct) =>
            DocumentAsync(id, store, orders, options, (docs, c, d) => docs.RenderCn23(c, d), "cn23", ct)).WithName("GetCn23");
        shipments.MapGet("/{id}/documents/invoice.pdf", (string id, ShipmentStore store, OrderStore orders, IOptions<ShippingOptions> options, CancellationToken ct) =>
            DocumentAsync(id, store, orders, options, (docs, c, d) => docs.RenderCommercialInvoice(c, d), "invoice", ct)).WithName("GetCommercialInvoice");
        app.MapGet("/api/orders/{orderId}/shipment", async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> (string orderId, ShipmentViews views, CancellationToken ct) =>
            await views.ForOrderAsync(orderId, ct) is { } view ? TypedResults.Ok(view) : NotFound($"Order '{orderId}' has no shipment yet."))
            .WithTags("Shipments").RequireAuthorization(Accounts.AccountsSetup.OwnerPolicy);
        app.MapPut("/api/products/{productId}/customs", ProductCustomsAsync).WithTags("Shipments").WithName("SetProductCustoms").RequireAuthorization(Accounts.AccountsSetup.OwnerPolicy);
        return app;
    }

    private static async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> GetAsync(string id, ShipmentViews views, CancellationToken cancellationToken) =>
        await views.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound($"There is no shipment '{id}'.");

    private static async Task<Results<Ok<IReadOnlyList<RateResponse>>, ProblemHttpResult>> RatesAsync(string id, ShipmentLabels labels, CancellationToken cancellationToken)
    {
        var quotes = await labels.QuoteAsync(id, cancellationToken);
        return quotes is null
            ? NotFound($"There is no shipment '{id}'.")
            : TypedResults.Ok<IReadOnlyList<RateResponse>>([.. quotes.Select(q => new RateResponse(q.Source, q.Carrier, q.Service, MoneyResponse.From(q.Amount), q.EstimatedDays, q.RateId))]);
    }

    private static async Task<Results<Ok<ShipmentResponse>, ValidationProblem, ProblemHttpResult>> LabelAsync(
        string id, [FromBody] LabelBody? body, ShipmentLabels labels, ShipmentViews views, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "The request body is missing.", detail: "Send {carrier, trackingNumber} or {provider, rateId?}.");
        }

        var result = body.Provider is { Length: > 0 } provider
            ? await labels.BuyAsync(id, provider, body.RateId, cancellationToken)
            : await labels.AttachManualAsync(id, body.Carrier, body.TrackingNumber, body.AcceptUnverified, cancellationToken);
        return result switch
        {
            LabelResult.Labelled => TypedResults.Ok((await views.GetAsync(id, cancellationToken))!),
            LabelResult.NotFound => NotFound($"There is no shipment '{id}'."),
            LabelResult.Invalid invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }),
            LabelResult.Conflict conflict => TypedResults.Problem(statusCode: 409, title: "The shipment already has a label.", detail: conflict.Message),
            LabelResult.ProviderRefused refused => TypedResults.Problem(statusCode: 502, title: "The label provider refused.", detail: refused.Message,
                extensions: new Dictionary<string, object?> { ["providerStatus"] = refused.StatusCode }),
            _ => throw new InvalidOperationException($"Unhandled label result {result}."),
        };
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocumentAsync(
        string id, ShipmentStore store, OrderStore orders, IOptions<ShippingOptions> options,
        Func<CustomsDocuments, CustomsDeclaration, ShipperDetails, byte[]> render, string name, CancellationToken cancellationToken)
    {
        var shipment = await store.GetAsync(id, cancellationToken);
        if (shipment is null || await orders.GetAsync(shipment.OrderId, cancellationToken) is not { } order)
        {
            return NotFound($"There is no shipment '{id}'.");
        }

        if (shipment.Customs is not { } customs)
        {
            return TypedResults.Problem(statusCode: 404, title: "No customs documents.", detail: $"Shipment {id} goes from {shipment.OriginCountry} to {shipment.DestinationCountry} without crossing a customs border.");
        }

        var from = options.Value.ShipFrom;
        var details = new ShipperDetails(from.ToAddress(shipment.OriginCountry == from.CountryCode ? null : shipment.OriginCountry), order.ShippingAddress, order.Id, from.Signer);
        var pdf = render(new CustomsDocuments(options.Value.FontDirectory), customs, details);
        return TypedResults.File(pdf, "application/pdf", $"{name}-{order.Id}.pdf");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ProductCustomsAsync(
        string productId, [FromBody] ProductCustomsBody? body, ProductCustomsStore store, CancellationToken cancellationToken)
    {
        string hs;
        try
        {
            hs = HsCode.Normalise(body?.HsCode);
        }
        catch (DomainValidationException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Message] });
        }

        if (body!.NetWeightGrams is { } grams && !ProductLimits.IsNetWeight(grams))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["netWeightGrams"] = ["A unit weight must be more than 0 and at most 50 000 grams."] },
                detail: "netWeightGrams: a unit weight must be more than 0 and at most 50 000 grams.");
        }

        return await store.UpdateAsync(productId, hs, body.NetWeightGrams, cancellationToken)
            ? TypedResults.NoContent()
            : NotFound($"There is no product '{productId}'.");
    }

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(statusCode: 404, title: "Not found.", detail: detail);
}
