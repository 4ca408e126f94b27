namespace MakerShop.Core;

/// <summary>
/// An order as a sales channel sold it, already paid there: its lines mapped to the catalog and its amounts exactly as
/// the channel charged them (the shop records them, it does not reprice).
/// </summary>
public sealed record ChannelOrder(
    ExternalOrderReference Reference,
    string CustomerName,
    string CustomerEmail,
    Address ShippingAddress,
    Currency Currency,
    IReadOnlyList<ChannelOrderLine> Lines,
    ChannelAmounts Amounts);
