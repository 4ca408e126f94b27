using MakerShop.Contracts.Devices;
using MakerShop.Core;

namespace MakerShop.Printers.Http;

/// <summary>
/// How to reach one OctoPrint or Moonraker printer, passed into every call as an immutable value (never set on a
/// shared client). <see cref="ShopCredentials"/> are the printer's device credentials for fetching job G-code from the shop.
/// </summary>
public sealed record HttpPrinterEndpoint(
    string PrinterId,
    PrinterKind Kind,
    Uri BaseUrl,
    string ApiKey,
    DeviceCredentials ShopCredentials,
    bool AutoEject)
{
    /// <summary>For a Bambu Lab printer (<see cref="PrinterKind.BambuLan"/>): its serial, pinned certificate and FTPS port; the access code is <see cref="ApiKey"/>.</summary>
    public Bambu.BambuPrinterIdentity? Bambu { get; init; }

    public override string ToString() => $"HttpPrinterEndpoint {{ PrinterId = {PrinterId}, Kind = {Kind}, BaseUrl = {BaseUrl} }}";
}
