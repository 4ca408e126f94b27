using System.Security.Cryptography;
using System.Text.Json;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using MakerShop.Web.Payments;
using MakerShop.Web.Production;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// Places the order a checkout form asks for. Everything is computed again here (prices, shipping, tax) and the order
/// is placed only for the total the customer was shown. The order, its private link and its pending payment are stored
/// in one transaction under the form's idempotency key, so a second click finds the first order instead of making one.
/// Only a confirmed payment later makes it Paid.
/// </summary>
public sealed class CheckoutService(
    SqliteConnectionFactory connections,
    OrderStore orders,
    CartPricer pricer,
    CheckoutPricing pricing,
    CheckoutToken tokens,
    IEnumerable<IPaymentProvider> providers,
    OrderConfirmationMail mail,
    IOptions<ShopOptions> shop,
    TimeProvider time,
    ILogger<CheckoutService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<string> PaymentMethods => [.. providers.Select(p => p.Name)];

    public async Task<CheckoutOutcome> PlaceAsync(CheckoutForm form, IReadOnlyList<CartItem> items, Currency currency, Uri baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (tokens.Open(form.Token) is not { } secret)
        {
            return new CheckoutOutcome.Refused([new CheckoutError("", "Checkout.Error.FormExpired")], null);
        }

        var key = CheckoutToken.IdempotencyKey(secret);
        var link = CheckoutToken.OrderLinkToken(secret);
        if (await orders.FindByIdempotencyKeyAsync(key, cancellationToken) is { } earlier)
        {
            logger.LogInformation("Checkout form submitted again; it already placed order {OrderId}", earlier.OrderId);
            return new CheckoutOutcome.Placed(earlier.OrderId, link, null, Replayed: true);
        }

        var address = AddressOf(form);
        var errors = Validate(form, address);
        var cart = await pricer.PriceAsync(items, currency, cancellationToken);
        if (cart.IsEmpty)
        {
            errors.Add(new CheckoutError("", "Checkout.Error.EmptyCart"));
        }
        else if (cart.HasProblems)
        {
            errors.Add(new CheckoutError("", "Checkout.Error.CartProblems"));
        }

        var summary = pricing.Summarise(cart, CheckoutCountries.IsOffered(address.CountryCode) ? address.CountryCode : null, address.PostalCode, form.Shipping);
        if (summary.Destination is not null && summary.Chosen is null && !cart.IsEmpty)
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.Shipping), "Checkout.Error.NoShipping"));
        }

        if (summary.Refusal is not null)
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.Country), "Checkout.Error.Destination"));
        }

        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, form.PaymentMethod ?? BankTransferProvider.ProviderName, StringComparison.Ordinal));
        if (provider is null)
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.PaymentMethod), "Checkout.Error.PaymentMethod"));
        }

        if (errors.Count > 0 || summary.Landed is not { } landed || summary.Chosen is not { } chosen || provider is null)
        {
            return new CheckoutOutcome.Refused(errors, summary);
        }

        // The customer agreed to the total they saw; a different one (rates moved, the cart changed in another tab, or the
        // form was edited) is shown to them again instead of being charged.
        if (form.ShownTotalMinor != landed.Total.MinorUnits || !string.Equals(form.ShownCurrency, currency.Code, StringComparison.Ordinal))
        {
            logger.LogInformation("Checkout total shown {ShownTotal} {ShownCurrency} differs from {Total}; asked to confirm again",
                form.ShownTotalMinor, form.ShownCurrency, landed.Total.ToString());
            return new CheckoutOutcome.Refused([new CheckoutError("", "Checkout.Error.TotalChanged")], summary);
        }

        return await StoreAsync(form, address, summary, landed, chosen, provider, key, link, currency, baseUrl, cancellationToken);
    }

    private async Task<CheckoutOutcome> StoreAsync(CheckoutForm form, Address address, CheckoutSummary summary, LandedPrice landed, ShippingChoice chosen,
        IPaymentProvider provider, string key, string link, Currency currency, Uri baseUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lines = summary.Cart.Lines
            .Select(l => new OrderLine(l.Item.ItemId, l.Name, l.Item.Material, l.Item.Colour, l.Item.Quantity, l.UnitPrice))
            .ToList();
        var charges = OrderCharges.From(landed, chosen.Service);
        var order = Order.Place(Ids.NewOrderId(), form.Name ?? "", form.Email ?? "", address, currency, lines, express: false, now,
            ShipBy(summary.Cart, now), charges);
        var payment = Payment.Start("pay_" + Guid.CreateVersion7().ToString("N"), order.Id, provider.Name, order.Total, BankTransferReference.New(), now);
        try
        {
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            await OrderStore.InsertAsync(session, order, key, RequestHash(summary, address, provider.Name), cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, order.Id, "Placed",
                $"checkout: {order.UnitCount} unit(s), {charges.ShippingService}, {charges.Regime} {charges.Incoterm ?? "no border"}, total {order.Total}", now, cancellationToken);
            await OrderLinkStore.IssueAsync(session, order.Id, link, now, cancellationToken);
            await PaymentStore.InsertAsync(session, payment, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 1555 && ex.Message.Contains("idempotency_keys", StringComparison.Ordinal))
        {
            // The same form was submitted twice at once and the other request stored its order first.
            var first = await orders.FindByIdempotencyKeyAsync(key, cancellationToken)
                ?? throw new InvalidOperationException("A checkout key conflicted but no order is stored under it.", ex);
            return new CheckoutOutcome.Placed(first.OrderId, link, null, Replayed: true);
        }

        logger.LogInformation("Checkout placed order {OrderId}: {Total} ({Regime}, {Incoterm}) to pay by {Provider}",
            order.Id, order.Total.ToString(), charges.Regime, charges.Incoterm ?? "no border", provider.Name);
        var confirmation = ConfirmationUrl(baseUrl, order.Id, link);
        var redirect = await StartPaymentAsync(provider, payment, order, confirmation, cancellationToken);
        await mail.SendAsync(order, payment, new Uri(baseUrl, $"/orders/{order.Id}?key={Uri.EscapeDataString(link)}"), cancellationToken);
        return new CheckoutOutcome.Placed(order.Id, link, redirect, Replayed: false);
    }

    // The ship date the customer was shown (from the live queue) is the one the scheduler works to; the shop's standard
    // lead time stands in when the cart had none.
    private DateTimeOffset ShipBy(PricedCart cart, DateTimeOffset now)
    {
        var promised = cart.ShipsBy is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        return promised is { } at && at > now ? at : now.AddDays(shop.Value.LeadTimeDays);
    }

    public static Uri ConfirmationUrl(Uri baseUrl, string orderId, string link) =>
        new(baseUrl, $"/checkout/done/{Uri.EscapeDataString(orderId)}?key={Uri.EscapeDataString(link)}");

    // The order is stored; a provider that cannot be reached leaves its payment pending, and the confirmation page says so.
    private async Task<Uri?> StartPaymentAsync(IPaymentProvider provider, Payment payment, Order order, Uri returnUrl, CancellationToken cancellationToken)
    {
        try
        {
            var start = await provider.StartAsync(payment, order, returnUrl, cancellationToken);
            if (start.ProviderReference is { } reference)
            {
                payment.AttachProviderReference(reference);
                await using var session = await DbSession.BeginAsync(connections, CancellationToken.None);
                await PaymentStore.UpdateAsync(session, payment, CancellationToken.None);
                await session.CommitAsync(CancellationToken.None);
            }

            return start.RedirectTo;
        }
        catch (Exception ex) when (ex is HttpRequestException or global::Stripe.StripeException or TaskCanceledException)
        {
            logger.LogError(ex, "Payment {PaymentId} for order {OrderId} could not be started at {Provider}", payment.Id, order.Id, provider.Name);
            return null;
        }
    }

    private static Address AddressOf(CheckoutForm form) => new(
        (form.Name ?? "").Trim(),
        (form.Line1 ?? "").Trim(),
        string.IsNullOrWhiteSpace(form.Line2) ? null : form.Line2.Trim(),
        (form.City ?? "").Trim(),
        AddressFormat.NormalisePostalCode(form.PostalCode),
        string.IsNullOrWhiteSpace(form.Region) ? null : form.Region.Trim(),
        (form.Country ?? "").Trim().ToUpperInvariant());

    private static List<CheckoutError> Validate(CheckoutForm form, Address address)
    {
        var errors = new List<CheckoutError>();
        var email = (form.Email ?? "").Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (email.Length == 0)
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.Email), "Checkout.Error.Required"));
        }
        else if (at <= 0 || at == email.Length - 1 || at != email.LastIndexOf('@') || email.Any(char.IsWhiteSpace))
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.Email), "Checkout.Error.Email"));
        }

        if (!CheckoutCountries.IsOffered(address.CountryCode))
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.Country), "Checkout.Error.Country"));
        }

        foreach (var problem in AddressCheck.Problems(address))
        {
            var field = problem.Field switch
            {
                "name" => nameof(CheckoutForm.Name),
                "line1" => nameof(CheckoutForm.Line1),
                "city" => nameof(CheckoutForm.City),
                "postalCode" => nameof(CheckoutForm.PostalCode),
                "region" => nameof(CheckoutForm.Region),
                _ => nameof(CheckoutForm.Country),
            };
            if (field == nameof(CheckoutForm.Country))
            {
                continue;
            }

            errors.Add(problem.Kind == AddressProblemKind.NotAPostalCode
                ? new CheckoutError(field, "Checkout.Error.PostalCode", address.PostalCode, address.CountryCode, problem.Hint ?? "")
                : new CheckoutError(field, "Checkout.Error.Required"));
        }

        return errors;
    }

    private static string RequestHash(CheckoutSummary summary, Address address, string provider) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new
        {
            Lines = summary.Cart.Lines.Select(l => l.Item),
            Currency = summary.Cart.Currency.Code,
            address,
            Shipping = summary.Chosen?.Id,
            provider,
            Total = summary.Landed?.Total.MinorUnits,
        }, Json)));
}
