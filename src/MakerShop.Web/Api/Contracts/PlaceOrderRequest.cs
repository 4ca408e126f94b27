namespace MakerShop.Web.Api.Contracts;

/// <summary>The body of POST /api/orders.</summary>
public sealed record PlaceOrderRequest(
    CustomerRequest? Customer,
    AddressRequest? ShippingAddress,
    string? Currency,
    bool Express,
    IReadOnlyList<OrderLineRequest?>? Lines);
