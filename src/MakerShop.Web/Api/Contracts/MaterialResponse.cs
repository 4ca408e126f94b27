namespace MakerShop.Web.Api.Contracts;

public sealed record MaterialResponse(string Material, string Colour);
