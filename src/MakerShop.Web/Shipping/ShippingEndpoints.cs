using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Shipping.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        shipments.MapGet("/{id}/documents/cn23.pdf", (string id, ShipmentStore store, ShipmentPaperwork papers, CancellationToken ct) =>
            DocumentAsync(id, ShipmentDocumentKind.CustomsDeclaration, store, papers, ct)).WithName("GetCn23")
            .WithSummary("The CN 22 or CN 23, whichever the declaration's value and weight call for.");
        shipments.MapGet("/{id}/documents/invoice.pdf", (string id, ShipmentStore store, ShipmentPaperwork papers, CancellationToken ct) =>
            DocumentAsync(id, ShipmentDocumentKind.CommercialInvoice, store, papers, ct)).WithName("GetCommercialInvoice");
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
        string id, ShipmentDocumentKind kind, ShipmentStore store, ShipmentPaperwork papers, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } shipment)
        {
            return NotFound($"There is no shipment '{id}'.");
        }

        if (shipment.Customs is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No customs documents.", detail: $"Shipment {id} goes from {shipment.OriginCountry} to {shipment.DestinationCountry} without crossing a customs border.");
        }

        return await papers.GetAsync(id, kind, cancellationToken) is { } document
            ? TypedResults.File(document.File.Content, document.File.ContentType, document.FileName)
            : NotFound($"There is no shipment '{id}'.");
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
