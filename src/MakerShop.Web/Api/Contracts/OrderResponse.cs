using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Api.Contracts;

/// <summary>An order as the API shows it, with its jobs and timeline.</summary>
public sealed record OrderResponse(
    string Id,
    string Status,
    string CustomerName,
    string Currency,
    MoneyResponse Total,
    bool Express,
    DateTimeOffset PlacedAt,
    DateTimeOffset ShipBy,
    string ShipToCountry,
    IReadOnlyList<OrderLineResponse> Lines,
    IReadOnlyList<JobResponse> Jobs,
    IReadOnlyList<TimelineResponse> Timeline)
{
    /// <summary>The number people read and type ("MS-1042"); the id stays the key for the API.</summary>
    public string? Number { get; init; }

    /// <summary>The parcel(s) and tracking timeline once the order is Produced; null before.</summary>
    public MakerShop.Web.Shipping.Contracts.ShipmentResponse? Shipment { get; init; }

    /// <summary>The checkout's breakdown (goods, shipping, tax, duties); null for an order placed through this API.</summary>
    public ChargesResponse? Charges { get; init; }

    public static OrderResponse From(Order order, IReadOnlyList<PrintJob> jobs, IReadOnlyList<TimelineEntry> timeline) => new(
        order.Id,
        order.Status.ToString(),
        order.CustomerName,
        order.Currency.Code,
        MoneyResponse.From(order.Total),
        order.Express,
        order.PlacedAt,
        order.ShipBy,
        order.ShippingAddress.CountryCode,
        order.Lines.Select(l => new OrderLineResponse(l.ProductId, l.ProductName, l.Material, l.Colour, l.Quantity, MoneyResponse.From(l.UnitPrice), MoneyResponse.From(l.LineTotal))).ToList(),
        jobs.Select(JobResponse.From).ToList(),
        timeline.Select(t => new TimelineResponse(t.At, t.Kind, t.Detail, t.JobId, t.PrinterId)).ToList())
    {
        Charges = order.Charges is { } charges ? ChargesResponse.From(charges) : null,
    };
}
