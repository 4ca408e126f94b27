using System.Globalization;

namespace MakerShop.Web.Storefront.Localization;

/// <summary>
/// Sizes and weights as people read them: a tenth of a millimetre or a gram at most, in the page's culture. Sizes are
/// stored as floats, so 94.2 comes back as 94.200004577; nobody measures a part that finely.
/// </summary>
public static class Measures
{
    /// <summary>"94.2 × 40 × 12.5 mm".</summary>
    public static string Size(double x, double y, double z) =>
        $"{Number(x)} × {Number(y)} × {Number(z)} mm";

    public static string Millimetres(double value) => Number(value) + " mm";

    public static string Grams(double value) => Number(value) + " g";

    /// <summary>A value for a form field: rounded like the text, in the invariant form number inputs require.</summary>
    public static string ForInput(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.CurrentCulture);
}
