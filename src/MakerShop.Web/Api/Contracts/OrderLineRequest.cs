namespace MakerShop.Web.Api.Contracts;

/// <summary>One line: a catalog product, or (with <see cref="QuoteId"/> instead of a product) a custom part from an instant quote.</summary>
public sealed record OrderLineRequest(string? ProductId, int Quantity, string? Material, string? Colour, string? QuoteId = null);
