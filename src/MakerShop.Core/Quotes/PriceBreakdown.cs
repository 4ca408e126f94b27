namespace MakerShop.Core.Quotes;

/// <summary>How a unit price was reached, in the shop's currency, and the price the customer pays in theirs.</summary>
public sealed record PriceBreakdown(
    Money Setup,
    Money Material,
    Money Machine,
    Money Margin,
    Money MinimumTopUp,
    Money Total,
    Money CustomerPrice,
    decimal ExchangeRate);
