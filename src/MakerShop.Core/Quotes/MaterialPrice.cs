namespace MakerShop.Core.Quotes;

/// <summary>A material the shop prints, with what a kilogram of it costs.</summary>
public sealed record MaterialPrice(string Material, Money PricePerKg);
