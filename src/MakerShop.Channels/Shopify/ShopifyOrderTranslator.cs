using System.Globalization;
using MakerShop.Core;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// Turns Shopify's order payload into a <see cref="ChannelOrder"/>: every line through the SKU rule (all unmapped SKUs
/// are named at once), the customer's address as Shopify holds it, and the amounts exactly as Shopify charged them.
/// </summary>
public static class ShopifyOrderTranslator
{
    public static ShopifyOrderTranslation Translate(ShopifyOrderPayload payload, SkuRule rule, IReadOnlyList<Product> catalog)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(rule);
        if (payload.Id <= 0 || string.IsNullOrWhiteSpace(payload.Name))
        {
            return new ShopifyOrderTranslation.Invalid("the order has no id or name");
        }

        if (!Currency.TryFromCode(payload.Currency, out var currency))
        {
            return new ShopifyOrderTranslation.Invalid($"the currency '{payload.Currency}' is not one the shop knows");
        }

        if (payload.ShippingAddress is not { } a || string.IsNullOrWhiteSpace(a.CountryCode))
        {
            return new ShopifyOrderTranslation.Invalid("the order has no shipping address (nothing to print for a digital order)");
        }

        var items = payload.LineItems ?? [];
        if (items.Count == 0)
        {
            return new ShopifyOrderTranslation.Invalid("the order has no line items");
        }

        var lines = new List<ChannelOrderLine>();
        var unmapped = new List<SkuMatch.Unmapped>();
        foreach (var item in items)
        {
            switch (rule.Map(item.Sku, catalog))
            {
                case SkuMatch.Mapped mapped when TryMoney(item.Price, currency, out var price):
                    lines.Add(new ChannelOrderLine(mapped.Product, mapped.Material, mapped.Colour, item.Quantity, price, item.Sku!.Trim()));
                    break;
                case SkuMatch.Mapped:
                    return new ShopifyOrderTranslation.Invalid($"line '{item.Title}' has no readable price ('{item.Price}')");
                case SkuMatch.Unmapped u:
                    unmapped.Add(u with { Reason = string.IsNullOrWhiteSpace(item.Sku) ? $"line '{item.Title}' has no SKU" : u.Reason });
                    break;
            }
        }

        if (unmapped.Count > 0)
        {
            return new ShopifyOrderTranslation.Held(unmapped);
        }

        if (!TryMoney(payload.SubtotalPrice, currency, out var subtotal) || !TryMoney(payload.TotalPrice, currency, out var total)
            || !TryMoney(payload.TotalTax ?? "0", currency, out var tax))
        {
            return new ShopifyOrderTranslation.Invalid("the order's subtotal, tax or total is missing or unreadable");
        }

        var shipping = TryMoney(payload.TotalShippingPriceSet?.ShopMoney?.Amount, currency, out var s) ? s : Money.Zero(currency);
        var name = FirstNonBlank(a.Name, $"{a.FirstName} {a.LastName}", $"{payload.Customer?.FirstName} {payload.Customer?.LastName}") ?? "";
        var address = new Address(name, a.Address1 ?? "", FirstNonBlank(a.Address2, a.Company), a.City ?? "", a.Zip ?? "",
            FirstNonBlank(a.ProvinceCode, a.Province), a.CountryCode.Trim().ToUpperInvariant());
        var reference = new ExternalOrderReference(SalesChannels.Shopify, payload.Id.ToString(CultureInfo.InvariantCulture), payload.Name.Trim());
        var email = FirstNonBlank(payload.Email, payload.Customer?.Email) ?? "";
        return new ShopifyOrderTranslation.Ready(new ChannelOrder(reference, name, email, address, currency, lines,
            new ChannelAmounts(subtotal, shipping, tax, total)));
    }

    private static bool TryMoney(string? amount, Currency currency, out Money money)
    {
        money = Money.Zero(currency);
        if (!decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        money = Money.FromDecimal(value, currency, MidpointRounding.AwayFromZero);
        return true;
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
