using System.Text;
using MakerShop.Core;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Storefront.Localization;

/// <summary>
/// Every state a person reads (order, print job, printer, shipment, payment, refund, tax regime, timeline event) in
/// the page's language. Pages and e-mails go through here instead of printing an enum, so "InProduction" or
/// "NeedsBedClear" never reaches a reader; a value the resources do not know yet is split into words, not shown raw.
/// </summary>
public sealed class StatusWords(IStringLocalizer<SharedResource> t)
{
    public string Order(OrderStatus status) => Words("OrderStatus." + status, status.ToString());

    public string Job(PrintJobStatus status) => Words("JobStatus." + status, status.ToString());

    /// <summary>The fleet page's words for a printer's state, so every page says the same.</summary>
    public string Printer(PrinterStatus status) => Words("Fleet.State." + status, status.ToString());

    /// <summary>A printer state as the API carries it (its enum name as text).</summary>
    public string Printer(string status) =>
        Enum.TryParse<PrinterStatus>(status, ignoreCase: false, out var known) ? Printer(known) : Humanize(status ?? "");

    /// <summary>
    /// A printer's state with what explains it, as every printer page says it: "Printing something the shop did not
    /// send", "Needs attention: the printer refused the shop's API key …". Reasons the shop finds itself are codes with
    /// words in the resources; a printer's own error text is shown as it sent it.
    /// </summary>
    public string PrinterLine(string status, string? currentJobId, string? reason) => PrinterLine(t, status, currentJobId, reason);

    public static string PrinterLine(IStringLocalizer t, string status, string? currentJobId, string? reason)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (status is nameof(PrinterStatus.Busy) or nameof(PrinterStatus.Paused) && currentJobId is null)
        {
            return t["Printer.State.Unsent." + status];
        }

        var words = t["Fleet.State." + status];
        var line = words.ResourceNotFound ? Humanize(status ?? "") : words.Value;
        if (status == nameof(PrinterStatus.Error) && !string.IsNullOrWhiteSpace(reason))
        {
            var known = t["Printer.Reason." + reason];
            line += ": " + (known.ResourceNotFound ? reason : known.Value);
        }

        return line;
    }

    /// <summary>
    /// The words a live script needs to write <see cref="PrinterLine(IStringLocalizer, string, string?, string?)"/>
    /// itself: every state ("state.Busy"), the prints the shop did not send ("unsent.Busy") and every reason the
    /// resources have words for ("reason.api-key-refused"), in the page's language.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PrinterLineWords(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var status in Enum.GetValues<PrinterStatus>())
        {
            words["state." + status] = t["Fleet.State." + status];
        }

        foreach (var status in new[] { PrinterStatus.Busy, PrinterStatus.Paused })
        {
            words["unsent." + status] = t["Printer.State.Unsent." + status];
        }

        const string reason = "Printer.Reason.";
        foreach (var text in t.GetAllStrings(includeParentCultures: true).Where(s => s.Name.StartsWith(reason, StringComparison.Ordinal)))
        {
            words.TryAdd("reason." + text.Name[reason.Length..], text.Value);
        }

        return words;
    }

    public string Shipment(ShipmentStatus status) => Words("ShipmentStatus." + status, status.ToString());

    public string Payment(PaymentStatus status) => Words("PaymentStatus." + status, status.ToString());

    public string Refund(RefundStatus status) => Words("RefundStatus." + status, status.ToString());

    public string TaxRegime(TaxRegime regime) => Words("TaxRegime." + regime, regime.ToString());

    /// <summary>"Bank transfer", "Card": the payment provider's slug in words.</summary>
    public string PaymentMethod(string provider) => Words("PaymentMethod." + provider, provider);

    /// <summary>A timeline entry's kind ("PaymentNeedsAttention") as the owner reads it.</summary>
    public string Event(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var key in new[] { "Timeline." + kind, "Milestone." + kind, "JobStatus." + kind })
        {
            var text = t[key];
            if (!text.ResourceNotFound)
            {
                return text.Value;
            }
        }

        return Humanize(kind);
    }

    private string Words(string key, string fallback)
    {
        var text = t[key];
        return text.ResourceNotFound ? Humanize(fallback) : text.Value;
    }

    /// <summary>"InProduction" → "In production", "la-poste-colissimo" → "La poste colissimo": a last resort, never an enum.</summary>
    public static string Humanize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var words = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var boundary = c is '-' or '_' || (i > 0 && char.IsUpper(c) && char.IsLower(value[i - 1]));
            if (boundary && words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ');
            }

            if (c is not ('-' or '_'))
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : boundary ? char.ToLowerInvariant(c) : c);
            }
        }

        return words.ToString().Trim();
    }
}
