namespace MakerShop.Core;

/// <summary>
/// Printer utilisation over a window: the share of all printer-hours spent printing, per day and per printer.
/// <see cref="Overall"/> is null when there were no printer-hours to divide by.
/// </summary>
public sealed record UtilisationReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Printers,
    double? Overall,
    double PrintingHours,
    IReadOnlyList<UtilisationDay> Days,
    IReadOnlyList<PrinterShare> PerPrinter);
