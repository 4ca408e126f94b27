using MakerShop.Web.Makers;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Printers;

/// <summary>What one fleet card is drawn from.</summary>
public sealed record FleetCardView(FleetPrinter Printer, FleetText Text, IStringLocalizer Localizer, DateTimeOffset Now);
