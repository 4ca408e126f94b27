using MakerShop.Storage.Stores;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Production;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MakerShop.Web.Api;

public static class OrdersEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");
        orders.MapPost("/", PlaceAsync).WithName("PlaceOrder")
            .WithSummary("Place an order; a retry with the same Idempotency-Key returns the first order.");
        // An order holds a customer's name and address: the owner reads it here, the customer through their private link.
        orders.MapGet("/{id}", GetAsync).WithName("GetOrder").RequireAuthorization(Accounts.AccountsSetup.OwnerPolicy);
        return app;
    }

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ProblemHttpResult>> PlaceAsync(
        [FromBody] PlaceOrderRequest? request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        OrderPlacementService placement,
        OrderStore orders,
        PrintJobStore jobs,
        TimelineStore timeline,
        MakerShop.Web.Shipping.ShipmentViews shipments,
        OrderNumbers numbers,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "The request body is missing.", detail: "Send the order as JSON.");
        }

        if (idempotencyKey is { Length: 0 or > 200 })
        {
            return TypedResults.Problem(statusCode: 400, title: "The Idempotency-Key header is not valid.", detail: "Use 1 to 200 characters, e.g. a UUID made once per checkout.");
        }

        var outcome = await placement.PlaceAsync(request, idempotencyKey, cancellationToken);
        if (outcome is PlaceOrderOutcome.KeyReused reused)
        {
            return TypedResults.Problem(statusCode: 422, title: "The Idempotency-Key was already used for a different order.",
                detail: $"Key '{idempotencyKey}' belongs to order {reused.OrderId}; make a new key for a new order.");
        }

        var orderId = outcome is PlaceOrderOutcome.Created created ? created.OrderId : ((PlaceOrderOutcome.Replayed)outcome).OrderId;
        var response = await LoadAsync(orderId, orders, jobs, timeline, shipments, numbers, cancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} was stored but cannot be read back.");
        return outcome is PlaceOrderOutcome.Created
            ? TypedResults.Created($"/api/orders/{orderId}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(
        string id, OrderStore orders, PrintJobStore jobs, TimelineStore timeline, MakerShop.Web.Shipping.ShipmentViews shipments, OrderNumbers numbers,
        CancellationToken cancellationToken)
    {
        // The owner may ask by the number people quote ("MS-1042") as well as by the id.
        var resolved = await numbers.ResolveAsync(id, cancellationToken);
        var response = resolved is null ? null : await LoadAsync(resolved, orders, jobs, timeline, shipments, numbers, cancellationToken);
        return response is null
            ? TypedResults.Problem(statusCode: 404, title: "No such order.", detail: $"There is no order '{id}'.")
            : TypedResults.Ok(response);
    }

    private static async Task<OrderResponse?> LoadAsync(
        string id, OrderStore orders, PrintJobStore jobs, TimelineStore timeline, MakerShop.Web.Shipping.ShipmentViews shipments, OrderNumbers numbers,
        CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(id, cancellationToken);
        return order is null
            ? null
            : OrderResponse.From(order, await jobs.ListByOrderAsync(id, cancellationToken), await timeline.ListForOrderAsync(id, cancellationToken))
                with { Shipment = await shipments.ForOrderAsync(id, cancellationToken), Number = numbers.Format(order) };
    }
}
