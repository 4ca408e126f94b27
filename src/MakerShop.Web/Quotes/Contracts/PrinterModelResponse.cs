using MakerShop.Core;
using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Quotes.Contracts;

/// <summary>
/// The printer model a quote was sliced for: the slicer profile used, its bed and nozzle, and the printers of that
/// model the part fits. An order from the quote prints only on printers of this model.
/// </summary>
public sealed record PrinterModelResponse(string Profile, BuildVolumeResponse BuildVolume, double NozzleDiameter, IReadOnlyList<string> Printers)
{
    public PrinterModel ToModel() => new(Profile, new Size3(BuildVolume.X, BuildVolume.Y, BuildVolume.Z), NozzleDiameter);
}
