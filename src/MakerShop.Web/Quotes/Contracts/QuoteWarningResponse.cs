namespace MakerShop.Web.Quotes.Contracts;

public sealed record QuoteWarningResponse(string Code, string Message);
