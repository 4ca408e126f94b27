using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Storefront.Localization;

public static class LocalizerExtensions
{
    /// <summary>A colour name in the page's language; a colour the resources do not know is shown as the shop typed it.</summary>
    public static string Colour(this IStringLocalizer localizer, string colour)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer["Colour." + colour];
        return text.ResourceNotFound ? colour : text.Value;
    }
}
