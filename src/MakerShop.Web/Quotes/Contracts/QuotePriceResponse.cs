using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Quotes.Contracts;

public sealed record QuotePriceResponse(
    MoneyResponse UnitPrice,
    MoneyResponse ShopPrice,
    decimal ExchangeRate,
    MoneyResponse Setup,
    MoneyResponse Material,
    MoneyResponse Machine,
    MoneyResponse Margin,
    MoneyResponse MinimumTopUp);
