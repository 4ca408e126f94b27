using System.Globalization;
using System.Text.Json;
using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Notifications.Relay;

/// <summary>The <c>data</c> object of a webhook event: what an integrator needs without calling back (the order's number, money, job, printer, parcel).</summary>
internal static class EventData
{
    public static string ForTimeline(TimelineSourceRow row, string orderNumber)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("order");
            json.WriteString("id", row.OrderId);
            json.WriteString("number", orderNumber);
            json.WriteStartObject("total");
            json.WriteString("amount", Amount(row.TotalMinor, row.Currency));
            json.WriteString("currency", row.Currency);
            json.WriteEndObject();
            json.WriteEndObject();
            if (row.Detail is { } detail)
            {
                json.WriteString("detail", detail);
            }

            if (row.JobId is { } jobId)
            {
                json.WriteStartObject("job");
                json.WriteString("id", jobId);
                json.WriteNumber("unit", (row.UnitIndex ?? 0) + 1);
                json.WriteNumber("attempt", row.Attempt ?? 1);
                json.WriteString("productId", row.ProductId);
                json.WriteString("reason", row.Detail);
                json.WriteEndObject();
            }

            if (row.PrinterId is { } printerId)
            {
                WritePrinter(json, printerId, row.PrinterName ?? printerId);
            }

            if (row.TrackingNumber is { } tracking)
            {
                json.WriteStartObject("shipment");
                json.WriteString("carrier", row.Carrier);
                json.WriteString("trackingNumber", tracking);
                json.WriteString("trackingUrl", row.TrackingUrl);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ForPrinter(PrinterChangeRow printer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WritePrinter(json, printer.Id, printer.Name);
            json.WriteBoolean("duringPrint", printer.CurrentJobId is not null);
            if (printer.CurrentJobId is { } jobId)
            {
                json.WriteString("jobId", jobId);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePrinter(Utf8JsonWriter json, string id, string name)
    {
        json.WriteStartObject("printer");
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static string Amount(long minor, string currency)
    {
        var digits = Currency.TryFromCode(currency, out var known) ? known.MinorUnits : 2;
        return (minor / (decimal)Math.Pow(10, digits)).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
