using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Localization;

namespace MakerShop.Web.Admin;

/// <summary>
/// Numbers from admin forms. Browsers send a number input as "6.50" whatever the page's language, but model binding
/// reads form values in the request's culture (French: "6,50"), so the admin forms take text and read it here.
/// </summary>
public static class FormNumber
{
    public static double? Optional(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return CultureNumber.TryParse(text, CultureInfo.CurrentCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new DomainValidationException(field, $"'{text}' is not a number.");
    }

    public static decimal Money(string? text, string field)
    {
        return CultureNumber.TryParse(text, CultureInfo.CurrentCulture, out decimal value)
            ? value
            : throw new DomainValidationException(field, $"'{text}' is not an amount.");
    }

    public static int Whole(string? text, string field) =>
        int.TryParse((text ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainValidationException(field, $"'{text}' is not a whole number.");
}
