using System.Security.Cryptography;
using System.Text.Json;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Options;
using MakerShop.Web.Quotes;
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
    QuoteService quotes,
    OrderStore orders,
    IDispatchTrigger dispatch,
    IOptions<ShopOptions> shopOptions,
    IOptions<PaymentOptions> paymentOptions,
    IOptions<OrderLimitsOptions> limitOptions,
    MakerShop.Web.Settings.ShopSettingsService settings,
    OrderNumbers numbers,
    TimeProvider timeProvider,
    ILogger<OrderPlacementService> logger)
{
    private readonly OrderLimits _limits = limitOptions.Value.ToLimits();

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
            await OrderStore.InsertAsync(session, order, idempotencyKey, requestHash, numbers.FirstNumber, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, order.Id, "Placed", $"{order.UnitCount} unit(s), total {order.Total}", now, cancellationToken);
            if (order.Status == OrderStatus.Paid)
            {
                await TimelineStore.AddOrderEventAsync(session, order.Id, "Paid", "confirmed on placement (demo and test mode only)", now, cancellationToken);
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

        logger.LogInformation("Order {OrderId} ({OrderNumber}) placed with {JobCount} print job(s), total {Total}", order.Id, order.Number, jobs.Count, order.Total.ToString());
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

        // Sizes first, before a single catalog or quote look-up: refusing a huge order must cost nothing.
        _limits.CheckLineCount(request.Lines.Count);
        long units = 0;
        for (var i = 0; i < request.Lines.Count; i++)
        {
            if (request.Lines[i] is not { } requested)
            {
                throw new DomainValidationException($"lines[{i}]", "An order line is required.");
            }

            _limits.CheckQuantity(requested.Quantity, $"lines[{i}].quantity");
            units += requested.Quantity;
        }

        _limits.CheckUnits(units);
        var currency = Currency.FromCode(request.Currency);
        var address = new Address(a.Name ?? "", a.Line1 ?? "", a.Line2, a.City ?? "", a.PostalCode ?? "", a.Region, (a.CountryCode ?? "").ToUpperInvariant());
        var lines = new List<OrderLine>();
        var sources = new List<UnitSource>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i]!;
            if (line.QuoteId is not null)
            {
                var (quoted, source) = await FromQuoteAsync(line, i, currency, now, cancellationToken);
                lines.Add(quoted);
                sources.Add(source);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.ProductId) || await products.GetAsync(line.ProductId, cancellationToken) is not { Retired: false } product)
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

            sources.Add(new UnitSource(product.PartSize, product.EstimatedPrintTime, product.Gcode));
            lines.Add(new OrderLine(product.Id, product.Name, material.Material, material.Colour, line.Quantity, product.Price));
        }

        // The owner's saved lead times (admin settings) win over the configuration's.
        var current = await settings.CurrentAsync(cancellationToken);
        var leadDays = request.Express ? current.ExpressLeadTimeDays : current.LeadTimeDays;
        var order = Order.Place(Ids.NewOrderId(), request.Customer.Name ?? "", request.Customer.Email ?? "", address, currency, lines, request.Express, now, now.AddDays(leadDays), limits: _limits);
        if (!paymentOptions.Value.ConfirmOnPlacement)
        {
            return (order, []);
        }

        order.MarkPaid(now);
        var jobs = new List<PrintJob>();
        var unit = 0;
        for (var l = 0; l < order.Lines.Count; l++)
        {
            var line = order.Lines[l];
            var source = sources[l];
            for (var q = 0; q < line.Quantity; q++)
            {
                var job = PrintJob.Create(
                    Ids.NewJobId(), order.Id, unit++, line.ProductId, line.Material, line.Colour, source.PartSize, source.EstimatedPrintTime,
                    source.Gcode.RelativePath, source.Gcode.Sha256, source.Gcode.SizeBytes, order.ShipBy, order.Express,
                    shopOptions.Value.MaxPrintAttempts, now);
                jobs.Add(source.PrinterModel is null ? job : job.RequirePrinterModel(source.PrinterModel));
            }
        }

        return (order, jobs);
    }

    /// <summary>
    /// A line priced by an instant quote: the quote's price, material and sliced G-code, which becomes the print job's G-code,
    /// so the file that was quoted is the file that prints.
    /// </summary>
    private async Task<(OrderLine Line, UnitSource Source)> FromQuoteAsync(OrderLineRequest line, int index, Currency currency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var field = $"lines[{index}].quoteId";
        var quote = await quotes.GetForOrderAsync(line.QuoteId!, cancellationToken)
            ?? throw new DomainValidationException(field, $"There is no quote '{line.QuoteId}'.");
        if (now >= quote.Record.ExpiresAt)
        {
            throw new DomainValidationException(field, $"Quote {quote.Record.Id} expired at {quote.Record.ExpiresAt:u}; upload the model again for a new price.");
        }

        if (!string.Equals(quote.Record.Currency, currency.Code, StringComparison.Ordinal))
        {
            throw new DomainValidationException("currency", $"Quote {quote.Record.Id} is priced in {quote.Record.Currency}; place the order in {quote.Record.Currency} or ask for a quote in {currency.Code}.");
        }

        if (line.Material is { Length: > 0 } material && !string.Equals(material, quote.Record.Material, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainValidationException($"lines[{index}].material", $"Quote {quote.Record.Id} was sliced and priced for {quote.Record.Material}, not {material}.");
        }

        var size = quote.Document.Model.Size;
        var slice = quote.Slice;
        var orderLine = new OrderLine("quote:" + quote.Record.Id, $"Custom part ({quote.Document.FileName})", quote.Record.Material, line.Colour ?? "",
            line.Quantity, Money.FromMinor(quote.Record.PriceMinor, currency));
        var source = new UnitSource(new Size3(size.X, size.Y, size.Z), TimeSpan.FromSeconds(slice.PrintSeconds),
            new StoredGcode(slice.GcodePath, slice.GcodeSha256, slice.GcodeSize), quote.Document.PrinterModel?.ToModel());
        return (orderLine, source);
    }

    // SQLITE_CONSTRAINT_PRIMARYKEY on the idempotency table; any other constraint failure is a real error.
    private static bool IsIdempotencyKeyConflict(SqliteException ex) =>
        ex.SqliteExtendedErrorCode == 1555 && ex.Message.Contains("idempotency_keys", StringComparison.Ordinal);

    private static string HashRequest(PlaceOrderRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));

    /// <summary>What every unit of a line prints from, and for a quoted line the printer model its G-code was sliced for.</summary>
    private sealed record UnitSource(Size3 PartSize, TimeSpan EstimatedPrintTime, StoredGcode Gcode, PrinterModel? PrinterModel = null);
}
