using MakerShop.Core;

namespace MakerShop.Shipping.Carriers;

/// <summary>Everything a provider needs to rate and label a shipment.</summary>
public sealed record LabelRequest(Shipment Shipment, Address From, Address To, string? RecipientEmail, string Reference, string CustomsSigner);
