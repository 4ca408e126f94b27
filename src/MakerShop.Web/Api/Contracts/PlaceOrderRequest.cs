namespace MakerShop.Web.Api.Contracts;

/// <summary>The body of POST /api/orders.</summary>
public sealed record PlaceOrderRequest(
    CustomerRequest? Customer,
    AddressRequest? ShippingAddress,
    string? Currency,
    bool Express,
    IReadOnlyList<OrderLineRequest>? Lines);

public sealed record CustomerRequest(string? Name, string? Email);

public sealed record AddressRequest(string? Name, string? Line1, string? Line2, string? City, string? PostalCode, string? Region, string? CountryCode);

public sealed record OrderLineRequest(string? ProductId, int Quantity, string? Material, string? Colour);
