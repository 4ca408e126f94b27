namespace MakerShop.Web.Api.Contracts;

public sealed record OrderLineResponse(string ProductId, string ProductName, string Material, string Colour, int Quantity, MoneyResponse UnitPrice, MoneyResponse LineTotal);
