using System.Security.Cryptography;
using System.Text.Json;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

/// <summary>
/// Checkout: validates the request against the catalog and the Core rules, then stores the order, its print jobs and
/// the idempotency key in one transaction, so a retried or half-failed checkout never makes a second order.
/// </summary>
public sealed class OrderPlacementService(
    SqliteConnectionFactory connections,
    ProductStore products,
    OrderStore orders,
    IDispatchTrigger dispatch,
    IOptions<ShopOptions> shopOptions,
    IOptions<PaymentOptions> paymentOptions,
    TimeProvider timeProvider,
    ILogger<OrderPlacementService> logger)
{
    public async Task<PlaceOrderOutcome> PlaceAsync(PlaceOrderRequest request, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestHash = HashRequest(request);
        if (idempotencyKey is not null && await FindExistingAsync(idempotencyKey, requestHash, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = timeProvider.GetUtcNow();
        var (order, jobs) = await BuildAsync(request, now, cancellationToken);
        try
        {
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            await OrderStore.InsertAsync(session, order, idempotencyKey, requestHash, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, order.Id, "Placed", $"{order.UnitCount} unit(s), total {order.Total}", now, cancellationToken);
            if (order.Status == OrderStatus.Paid)
            {
                await TimelineStore.AddOrderEventAsync(session, order.Id, "Paid", "confirmed on placement (no payment provider configured)", now, cancellationToken);
            }

            foreach (var job in jobs)
            {
                await PrintJobStore.InsertAsync(session, job, cancellationToken);
                await TimelineStore.AddJobEventAsync(session, job.Id, null, "Queued", $"unit {job.UnitIndex + 1}, attempt {job.Attempt}", now, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex) when (idempotencyKey is not null && IsIdempotencyKeyConflict(ex))
        {
            // Two requests with the same key raced; the other one stored its order first, so answer with that one.
            return await FindExistingAsync(idempotencyKey, requestHash, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency key conflicted but no stored order was found for it.", ex);
        }

        logger.LogInformation("Order {OrderId} placed with {JobCount} print job(s), total {Total}", order.Id, jobs.Count, order.Total.ToString());
        if (jobs.Count > 0)
        {
            // The order is stored: a client that hangs up now must not turn that into an error, so no request token here.
            await dispatch.RequestDispatchAsync(CancellationToken.None);
        }

        return new PlaceOrderOutcome.Created(order.Id);
    }

    private async Task<PlaceOrderOutcome?> FindExistingAsync(string key, string requestHash, CancellationToken cancellationToken)
    {
        var record = await orders.FindByIdempotencyKeyAsync(key, cancellationToken);
        return record is null ? null
            : record.RequestHash == requestHash ? new PlaceOrderOutcome.Replayed(record.OrderId)
            : new PlaceOrderOutcome.KeyReused(record.OrderId);
    }

    private async Task<(Order Order, List<PrintJob> Jobs)> BuildAsync(PlaceOrderRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.Customer is null)
        {
            throw new DomainValidationException("customer", "The customer (name and email) is required.");
        }

        if (request.ShippingAddress is not { } a)
        {
            throw new DomainValidationException("shippingAddress", "A shipping address is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Currency))
        {
            throw new DomainValidationException("currency", "The currency (ISO 4217 code) is required.");
        }

        if (request.Lines is null || request.Lines.Count == 0)
        {
            throw new DomainValidationException("lines", "An order needs at least one line.");
        }

        var currency = Currency.FromCode(request.Currency);
        var address = new Address(a.Name ?? "", a.Line1 ?? "", a.Line2, a.City ?? "", a.PostalCode ?? "", a.Region, (a.CountryCode ?? "").ToUpperInvariant());
        var lines = new List<OrderLine>();
        var productsById = new Dictionary<string, Product>(StringComparer.Ordinal);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (string.IsNullOrWhiteSpace(line.ProductId) || await products.GetAsync(line.ProductId, cancellationToken) is not { } product)
            {
                throw new DomainValidationException($"lines[{i}].productId", $"There is no product '{line.ProductId}' in the catalog.");
            }

            var material = product.FindMaterial(line.Material ?? "", line.Colour ?? "")
                ?? throw new DomainValidationException($"lines[{i}].material",
                    $"{product.Name} is not offered in {line.Material} {line.Colour}; choose one of: {string.Join(", ", product.Materials.Select(m => m.Material + " " + m.Colour))}.");
            if (product.Price.Currency != currency)
            {
                // Conversion at published reference rates comes with the storefront; until then the catalog currency is the only honest price.
                throw new DomainValidationException("currency", $"Prices are in {product.Price.Currency.Code}; orders in {currency.Code} are not accepted yet.");
            }

            productsById[product.Id] = product;
            lines.Add(new OrderLine(product.Id, product.Name, material.Material, material.Colour, line.Quantity, product.Price));
        }

        var leadDays = request.Express ? shopOptions.Value.ExpressLeadTimeDays : shopOptions.Value.LeadTimeDays;
        var order = Order.Place(Ids.NewOrderId(), request.Customer.Name ?? "", request.Customer.Email ?? "", address, currency, lines, request.Express, now, now.AddDays(leadDays));
        if (!paymentOptions.Value.ConfirmOnPlacement)
        {
            return (order, []);
        }

        order.MarkPaid(now);
        var jobs = new List<PrintJob>();
        var unit = 0;
        foreach (var line in order.Lines)
        {
            var product = productsById[line.ProductId];
            for (var q = 0; q < line.Quantity; q++)
            {
                jobs.Add(PrintJob.Create(
                    Ids.NewJobId(), order.Id, unit++, product.Id, line.Material, line.Colour, product.PartSize, product.EstimatedPrintTime,
                    product.Gcode.RelativePath, product.Gcode.Sha256, product.Gcode.SizeBytes, order.ShipBy, order.Express,
                    shopOptions.Value.MaxPrintAttempts, now));
            }
        }

        return (order, jobs);
    }

    // SQLITE_CONSTRAINT_PRIMARYKEY on the idempotency table; any other constraint failure is a real error.
    private static bool IsIdempotencyKeyConflict(SqliteException ex) =>
        ex.SqliteExtendedErrorCode == 1555 && ex.Message.Contains("idempotency_keys", StringComparison.Ordinal);

    private static string HashRequest(PlaceOrderRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
}
