namespace MakerShop.Core;

/// <summary>One line of a channel's order: the catalog product it maps to and the unit price the channel charged.</summary>
public sealed record ChannelOrderLine(Product Product, string Material, string Colour, int Quantity, Money UnitPrice, string Sku);
