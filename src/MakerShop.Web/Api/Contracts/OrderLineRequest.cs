namespace MakerShop.Web.Api.Contracts;

public sealed record OrderLineRequest(string? ProductId, int Quantity, string? Material, string? Colour);
