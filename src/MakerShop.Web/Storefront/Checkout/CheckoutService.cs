using System.Security.Cryptography;
using System.Text.Json;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using MakerShop.Web.Payments;
using MakerShop.Web.Production;
using MakerShop.Web.Settings;
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
    PaymentStore payments,
    OrderConfirmationStore confirmations,
    OrderConfirmationMail mail,
    ShopSettingsService settings,
    OrderNumbers numbers,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<MakerShop.Web.Options.OrderLimitsOptions> limits,
    ILogger<CheckoutService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static bool TooLarge(IReadOnlyList<CartItem> items, OrderLimits limits) =>
        items.Count > limits.MaxLines || items.Any(i => i.Quantity > limits.MaxQuantityPerLine) || items.Sum(i => (long)i.Quantity) > limits.MaxUnits;

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
        var address = AddressOf(form);
        var hash = RequestHash(form, address, items, currency);
        if (await orders.FindByIdempotencyKeyAsync(key, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, hash, link, baseUrl, cancellationToken);
        }

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
        else if (TooLarge(items, limits.Value.ToLimits()))
        {
            var l = limits.Value;
            errors.Add(new CheckoutError("", "Checkout.Error.TooLarge", l.MaxUnits, l.MaxQuantityPerLine, l.MaxLines));
        }

        var summary = pricing.Summarise(cart, CheckoutCountries.IsOffered(address.CountryCode) ? address.CountryCode : null, address.PostalCode, form.Shipping);
        if (summary.Destination is not null && summary.Chosen is null && !cart.IsEmpty)
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.Shipping), "Checkout.Error.NoShipping"));
        }

        if (summary.Refusal is not null)
        {
            errors.Add(summary.ConfigurationError
                ? new CheckoutError("", "Checkout.Error.TaxConfiguration")
                : new CheckoutError(nameof(CheckoutForm.Country), "Checkout.Error.Destination"));
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

        return await StoreAsync(form, address, summary, landed, chosen, provider, key, hash, link, currency, baseUrl, cancellationToken);
    }

    private async Task<CheckoutOutcome> StoreAsync(CheckoutForm form, Address address, CheckoutSummary summary, LandedPrice landed, ShippingChoice chosen,
        IPaymentProvider provider, string key, RequestFingerprint hash, string link, Currency currency, Uri baseUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lines = summary.Cart.Lines
            .Select(l => new OrderLine(l.Item.ItemId, l.Name, l.Item.Material, l.Item.Colour, l.Item.Quantity, l.UnitPrice))
            .ToList();
        var charges = OrderCharges.From(landed, chosen.Service);
        var shipBy = ShipBy(summary.Cart, now, (await settings.CurrentAsync(cancellationToken)).LeadTimeDays);
        Order order;
        try
        {
            order = Order.Place(Ids.NewOrderId(), form.Name ?? "", form.Email ?? "", address, currency, lines, express: false, now,
                shipBy, charges, limits.Value.ToLimits());
        }
        catch (DomainValidationException ex)
        {
            // Whatever the order's own rules refuse (a line the checks above let through) is said on the form, never a 500.
            logger.LogWarning("Checkout refused by the order's rules on {Field}: {Reason}", ex.Field, ex.Message);
            return new CheckoutOutcome.Refused([new CheckoutError("", "Checkout.Error.CartProblems")], summary);
        }

        var payment = Payment.Start("pay_" + Guid.CreateVersion7().ToString("N"), order.Id, provider.Name, order.Total, BankTransferReference.New(), now);
        try
        {
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            await OrderStore.InsertAsync(session, order, key, hash.ToString(), numbers.FirstNumber, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, order.Id, "Placed",
                $"checkout: {order.UnitCount} unit(s), {charges.ShippingService}, {charges.Regime} {charges.Incoterm ?? "no border"}, total {order.Total}", now, cancellationToken);
            await OrderLinkStore.IssueAsync(session, order.Id, link, now, cancellationToken);
            await PaymentStore.InsertAsync(session, payment, cancellationToken);
            await OrderConfirmationStore.MarkDueAsync(session, order.Id, now, cancellationToken);
            await OrderShippingChoiceStore.InsertAsync(session, order.Id, chosen.Carrier, chosen.Service, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 1555 && ex.Message.Contains("idempotency_keys", StringComparison.Ordinal))
        {
            // The same form was submitted twice at once and the other request stored its order first.
            var first = await orders.FindByIdempotencyKeyAsync(key, CancellationToken.None)
                ?? throw new InvalidOperationException("A checkout key conflicted but no order is stored under it.", ex);
            return await ReplayAsync(first, hash, link, baseUrl, CancellationToken.None);
        }

        logger.LogInformation("Checkout placed order {OrderId} ({OrderNumber}): {Total} ({Regime}, {Incoterm}) to pay by {Provider}",
            order.Id, order.Number, order.Total.ToString(), charges.Regime, charges.Incoterm ?? "no border", provider.Name);
        // From here on the order exists: a second click aborting this request must not stop its payment or its e-mail.
        var redirect = await StartPaymentAsync(provider, payment, order, ConfirmationUrl(baseUrl, order.Id, link), CancellationToken.None);
        await SendConfirmationIfDueAsync(order, payment, baseUrl, link);
        return new CheckoutOutcome.Placed(order.Id, link, redirect, Replayed: false);
    }

    /// <summary>The same form again: the order it placed, when it is really the same request. A stale form (another cart,
    /// another address) is refused rather than sent to an old order. The cart the first answer cleared counts as the same.</summary>
    private async Task<CheckoutOutcome> ReplayAsync(OrderStore.IdempotencyRecord earlier, RequestFingerprint hash, string link, Uri baseUrl, CancellationToken cancellationToken)
    {
        var stored = RequestFingerprint.Parse(earlier.RequestHash);
        var sameForm = string.Equals(stored.Form, hash.Form, StringComparison.Ordinal);
        var sameCart = string.Equals(stored.Cart, hash.Cart, StringComparison.Ordinal);
        if (!sameForm || !(sameCart || hash.CartIsEmpty))
        {
            logger.LogWarning("Checkout form replayed for order {OrderId} with different contents; asked to review it again", earlier.OrderId);
            return new CheckoutOutcome.Refused([new CheckoutError("", "Checkout.Error.FormExpired")], null);
        }

        logger.LogInformation("Checkout form submitted again; it already placed order {OrderId}", earlier.OrderId);
        if (await orders.GetAsync(earlier.OrderId, CancellationToken.None) is not { } order)
        {
            return new CheckoutOutcome.Placed(earlier.OrderId, link, null, Replayed: true);
        }

        var all = await payments.ListForOrderAsync(order.Id, CancellationToken.None);
        var payment = all.Count > 0 ? all[^1] : null;
        Uri? redirect = null;
        if (payment is not null)
        {
            await SendConfirmationIfDueAsync(order, payment, baseUrl, link);
            redirect = await ResumePaymentAsync(order, payment, baseUrl, link, CancellationToken.None);
        }

        return new CheckoutOutcome.Placed(order.Id, link, redirect, Replayed: true) { SameCart = sameCart };
    }

    /// <summary>Starts a pending card payment again (its lost redirect, a cancelled page). The provider is asked with the
    /// same payment, whose id is the provider's idempotency key, so it answers with the same session.</summary>
    public async Task<Uri?> ResumePaymentAsync(Order order, Payment payment, Uri baseUrl, string link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status != PaymentStatus.Pending || payment.Provider == BankTransferProvider.ProviderName
            || providers.FirstOrDefault(p => string.Equals(p.Name, payment.Provider, StringComparison.Ordinal)) is not { } provider)
        {
            return null;
        }

        return await StartPaymentAsync(provider, payment, order, ConfirmationUrl(baseUrl, order.Id, link), cancellationToken);
    }

    private async Task SendConfirmationIfDueAsync(Order order, Payment payment, Uri baseUrl, string link)
    {
        if (!await confirmations.TryClaimAsync(order.Id, time.GetUtcNow(), CancellationToken.None))
        {
            return;
        }

        if (!await mail.SendAsync(order, payment, OrderPageUrl(baseUrl, numbers.Format(order), link), CancellationToken.None))
        {
            // Given back, so the next submission of the form tries again.
            await confirmations.ReleaseAsync(order.Id, CancellationToken.None);
        }
    }

    public static Uri OrderPageUrl(Uri baseUrl, string orderId, string link) =>
        new(baseUrl, $"/orders/{Uri.EscapeDataString(orderId)}?key={Uri.EscapeDataString(link)}");

    // The ship date the customer was shown (from the live queue) is the one the scheduler works to; the shop's standard
    // lead time (as the owner saved it in the settings) stands in when the cart had none.
    private static DateTimeOffset ShipBy(PricedCart cart, DateTimeOffset now, int leadTimeDays)
    {
        var promised = cart.ShipsBy is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        return promised is { } at && at > now ? at : now.AddDays(leadTimeDays);
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
        else if (email.Length > InputLimits.EmailLength)
        {
            errors.Add(new CheckoutError(nameof(CheckoutForm.Email), "Checkout.Error.TooLong", InputLimits.EmailLength));
        }
        else if (at <= 0 || at == email.Length - 1 || at != email.LastIndexOf('@') || email.Any(char.IsWhiteSpace) || email.Any(char.IsControl))
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
                "line2" => nameof(CheckoutForm.Line2),
                "city" => nameof(CheckoutForm.City),
                "postalCode" => nameof(CheckoutForm.PostalCode),
                "region" => nameof(CheckoutForm.Region),
                _ => nameof(CheckoutForm.Country),
            };
            if (field == nameof(CheckoutForm.Country))
            {
                continue;
            }

            errors.Add(problem.Kind switch
            {
                AddressProblemKind.NotAPostalCode => new CheckoutError(field, "Checkout.Error.PostalCode", address.PostalCode, address.CountryCode, problem.Hint ?? ""),
                AddressProblemKind.TooLong => new CheckoutError(field, "Checkout.Error.TooLong", problem.Hint ?? ""),
                AddressProblemKind.ControlCharacter => new CheckoutError(field, "Checkout.Error.Characters"),
                _ => new CheckoutError(field, "Checkout.Error.Required"),
            });
        }

        return errors;
    }

    // What the customer asked for, in two parts: the form (address, shipping, method, the total agreed) and the cart. The
    // cart part is apart because the first answer clears the cart cookie, and a resend after it comes with an empty cart.
    private static RequestFingerprint RequestHash(CheckoutForm form, Address address, IReadOnlyList<CartItem> items, Currency currency)
    {
        var formHash = Hash(new
        {
            address,
            Currency = currency.Code,
            form.Shipping,
            Provider = form.PaymentMethod ?? BankTransferProvider.ProviderName,
            Total = form.ShownTotalMinor,
            Email = (form.Email ?? "").Trim(),
        });
        var cartHash = Hash(items.Select(i => new { i.ItemId, Material = i.Material.ToUpperInvariant(), Colour = i.Colour.ToUpperInvariant(), i.Quantity }));
        return new RequestFingerprint(formHash, cartHash, items.Count == 0);
    }

    private static string Hash<T>(T value) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, Json)));

    private sealed record RequestFingerprint(string Form, string Cart, bool CartIsEmpty)
    {
        public override string ToString() => Form + ":" + Cart;

        public static RequestFingerprint Parse(string stored)
        {
            var colon = stored.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? new RequestFingerprint(stored, "", false) : new RequestFingerprint(stored[..colon], stored[(colon + 1)..], false);
        }
    }
}
