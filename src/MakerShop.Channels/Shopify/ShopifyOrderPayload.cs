using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// The fields of Shopify's order webhook payload (the REST Order resource) the shop uses; everything else is ignored.
/// Money comes as decimal strings in the order's currency.
/// </summary>
public sealed record ShopifyOrderPayload(
    long Id,
    string? Name,
    string? Email,
    string? Currency,
    string? FinancialStatus,
    string? CancelledAt,
    string? CancelReason,
    string? SubtotalPrice,
    string? TotalPrice,
    string? TotalTax,
    ShopifyPriceSet? TotalShippingPriceSet,
    ShopifyAddress? ShippingAddress,
    ShopifyCustomer? Customer,
    IReadOnlyList<ShopifyLineItem>? LineItems)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static ShopifyOrderPayload Parse(string body) =>
        JsonSerializer.Deserialize<ShopifyOrderPayload>(body, Json) ?? throw new JsonException("The body is JSON null, not an order.");
}

public sealed record ShopifyLineItem(long Id, string? Sku, string? Title, string? VariantTitle, int Quantity, string? Price);

public sealed record ShopifyAddress(
    string? FirstName,
    string? LastName,
    string? Name,
    string? Company,
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? ProvinceCode,
    string? Country,
    string? CountryCode,
    string? Zip,
    string? Phone);

public sealed record ShopifyCustomer(string? FirstName, string? LastName, string? Email);

public sealed record ShopifyPriceSet(ShopifyMoney? ShopMoney);

public sealed record ShopifyMoney(string? Amount, string? CurrencyCode);
