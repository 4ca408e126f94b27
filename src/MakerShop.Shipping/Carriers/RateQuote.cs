using MakerShop.Core;

namespace MakerShop.Shipping.Carriers;

/// <summary>A price to ship the whole shipment, from a configured rate table or a provider's live rates.</summary>
public sealed record RateQuote(string Source, string Carrier, string Service, Money Amount, int? EstimatedDays, string? RateId);
