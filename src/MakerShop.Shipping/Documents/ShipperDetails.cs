using MakerShop.Core;

namespace MakerShop.Shipping.Documents;

/// <summary>The parties and references printed on the customs documents.</summary>
public sealed record ShipperDetails(Address Sender, Address Recipient, string OrderId, string Signer);
