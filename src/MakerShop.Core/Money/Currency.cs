using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MakerShop.Core;

/// <summary>
/// An ISO 4217 currency the shop can price in. Only the table below exists: an unknown code is refused at
/// the edge rather than guessed, because the minor-unit exponent decides how every amount is stored.
/// </summary>
public sealed record Currency
{
    private static readonly FrozenDictionary<string, Currency> ByCode = new[]
    {
        new Currency("EUR", 2), new Currency("USD", 2), new Currency("GBP", 2), new Currency("CHF", 2),
        new Currency("JPY", 0), new Currency("AUD", 2), new Currency("CAD", 2), new Currency("NZD", 2),
        new Currency("SEK", 2), new Currency("NOK", 2), new Currency("DKK", 2), new Currency("PLN", 2),
        new Currency("CZK", 2), new Currency("HUF", 2), new Currency("RON", 2), new Currency("BGN", 2),
        new Currency("ISK", 0), new Currency("TRY", 2), new Currency("ILS", 2), new Currency("AED", 2),
        new Currency("SAR", 2), new Currency("QAR", 2), new Currency("KWD", 3), new Currency("BHD", 3),
        new Currency("JOD", 3), new Currency("OMR", 3), new Currency("TND", 3), new Currency("LYD", 3),
        new Currency("IQD", 3), new Currency("KRW", 0), new Currency("CNY", 2), new Currency("INR", 2),
        new Currency("SGD", 2), new Currency("HKD", 2), new Currency("TWD", 2), new Currency("THB", 2),
        new Currency("MYR", 2), new Currency("IDR", 2), new Currency("PHP", 2), new Currency("VND", 0),
        new Currency("BRL", 2), new Currency("MXN", 2), new Currency("ARS", 2), new Currency("COP", 2),
        new Currency("PEN", 2), new Currency("UYU", 2), new Currency("CLP", 0), new Currency("PYG", 0),
        new Currency("ZAR", 2), new Currency("EGP", 2), new Currency("MAD", 2), new Currency("KES", 2),
        new Currency("NGN", 2), new Currency("UGX", 0), new Currency("RWF", 0), new Currency("XOF", 0),
        new Currency("XAF", 0), new Currency("XPF", 0),
    }.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    public static Currency Eur => ByCode["EUR"];

    public static Currency Usd => ByCode["USD"];

    public static Currency Gbp => ByCode["GBP"];

    public static Currency Chf => ByCode["CHF"];

    public static Currency Jpy => ByCode["JPY"];

    public static Currency Aud => ByCode["AUD"];

    public static IReadOnlyCollection<Currency> All => ByCode.Values;

    /// <summary>Upper-case ISO 4217 alphabetic code.</summary>
    public string Code { get; }

    /// <summary>ISO 4217 exponent: digits after the decimal point (JPY 0, EUR 2, KWD 3).</summary>
    public int MinorUnits { get; }

    public static Currency FromCode(string? code) =>
        TryFromCode(code, out var currency)
            ? currency
            : throw new DomainValidationException("currency", $"'{code}' is not a currency this shop accepts.");

    public static bool TryFromCode(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        if (code is null)
        {
            currency = null;
            return false;
        }

        return ByCode.TryGetValue(code.Trim(), out currency);
    }

    public override string ToString() => Code;
}
