using System.Text.Json;
using MakerShop.Core;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin;

/// <summary>
/// The dashboard's chart series as the page's script reads them: x in Unix seconds (UTC midnights, Mondays for
/// weeks), percentages rounded (utilisation finely: a day with minutes of printing is not a zero), null where there is nothing to show (a week that produced nothing).
/// </summary>
public static class IndexCharts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialise(SalesReport sales, IReadOnlyList<WeekOnTime> onTime, UtilisationReport utilisation, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(onTime);
        ArgumentNullException.ThrowIfNull(utilisation);
        ArgumentNullException.ThrowIfNull(text);
        var data = new
        {
            sales = new
            {
                x = sales.Days.Select(d => Seconds(d.Day)),
                orders = sales.Days.Select(d => d.Orders),
                revenue = sales.Days.Select(d => Math.Round(d.Revenue.ToDecimal(), 0)),
                ordersLabel = text["Dash.Chart.Orders"].Value,
                revenueLabel = text["Dash.Chart.Revenue", sales.Currency.Code].Value,
            },
            onTime = new
            {
                x = onTime.Select(w => Seconds(w.WeekStart)),
                rate = onTime.Select(w => w.Rate is { } r ? Math.Round(r * 100) : (double?)null),
                label = text["Dash.Chart.OnTime"].Value,
            },
            utilisation = new
            {
                x = utilisation.Days.Select(d => Seconds(d.Day)),
                share = utilisation.Days.Select(d => d.Share is { } s ? Math.Round(s * 100, 4) : (double?)null),
                label = text["Dash.Chart.Printing"].Value,
            },
        };
        return JsonSerializer.Serialize(data, Json);
    }

    private static long Seconds(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
}
