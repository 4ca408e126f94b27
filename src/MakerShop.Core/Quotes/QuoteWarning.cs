namespace MakerShop.Core.Quotes;

/// <summary>Something the customer should know before ordering; the code is stable, the message is for people.</summary>
public sealed record QuoteWarning(string Code, string Message);
