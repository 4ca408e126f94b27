using MakerShop.Core;

namespace MakerShop.Web.Api.Contracts;

public sealed record MoneyResponse(string Amount, string Currency, long MinorUnits)
{
    public static MoneyResponse From(Money money) =>
        new(money.ToDecimal().ToString("F" + money.Currency.MinorUnits, System.Globalization.CultureInfo.InvariantCulture), money.Currency.Code, money.MinorUnits);
}
