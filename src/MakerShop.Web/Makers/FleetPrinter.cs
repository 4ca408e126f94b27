using System.Text.Json.Serialization;
using MakerShop.Core;
using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Makers;

/// <summary>One printer as the owner's fleet shows it: its record and readings, whose it is, and what it prints for whom.</summary>
public sealed record FleetPrinter(PrinterResponse Printer, string? MakerName, FleetJob? Job)
{
    [JsonIgnore]
    public string Id => Printer.Id;

    /// <summary>The shop's own printers (demo fleet, configured HTTP printers) are the owner's to command; a maker's are theirs.</summary>
    public bool ShopOwned => Printer.MakerId == Maker.ShopMakerId;

    [JsonIgnore]
    public PrinterStatus Status => Enum.Parse<PrinterStatus>(Printer.Status);

    [JsonIgnore]
    public PrinterControlState ControlState => PrinterControl.StateOf(Printer);
}
