namespace MakerShop.Storage.Stores;

/// <summary>An order's channel, its id and number there, and the amounts the channel charged.</summary>
public sealed record ChannelOrderLink(
    string OrderId,
    string Channel,
    string ExternalId,
    string ExternalNumber,
    string Currency,
    long SubtotalMinor,
    long ShippingMinor,
    long TaxMinor,
    long TotalMinor);
