using System.ComponentModel.DataAnnotations;
using MakerShop.Core;

namespace MakerShop.Web.HttpPrinters;

/// <summary>One OctoPrint or Moonraker printer the shop drives, from <c>MakerShop:HttpPrinters:Printers</c>.</summary>
public sealed class HttpPrinterDefinition
{
    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    /// <summary>OctoPrint or Moonraker.</summary>
    public PrinterKind Kind { get; set; } = PrinterKind.OctoPrint;

    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The name of the entry in <c>MakerShop:HttpPrinters:ApiKeys</c> that holds this printer's key (kept out of this list);
    /// required for OctoPrint, optional for a Moonraker that trusts the shop's address.
    /// </summary>
    public string ApiKeyRef { get; set; } = "";

    public double BuildX { get; set; } = 220;

    public double BuildY { get; set; } = 220;

    public double BuildZ { get; set; } = 250;

    public double NozzleDiameter { get; set; } = 0.4;

    public string LoadedMaterial { get; set; } = "PLA";

    public string LoadedColour { get; set; } = "black";

    public string CountryCode { get; set; } = "FR";

    public bool AutoEject { get; set; }

    /// <summary>Bambu Lab (Kind BambuLan, BaseUrl <c>mqtts://ip:8883/</c>, the access code as its key): the printer's serial.</summary>
    public string BambuSerial { get; set; } = "";

    /// <summary>Bambu Lab: the SHA-256 fingerprint of the printer's certificate, pinned (upper-case hex).</summary>
    public string BambuCertificateSha256 { get; set; } = "";

    /// <summary>Bambu Lab: the port of the printer's FTPS server.</summary>
    public int BambuFtpsPort { get; set; } = MakerShop.Printers.Bambu.BambuFtpsTarget.DefaultPort;

    /// <summary>What the shop needs beside the address to drive a Bambu Lab printer; null for any other kind.</summary>
    public MakerShop.Printers.Bambu.BambuPrinterIdentity? BambuIdentity() => Kind == PrinterKind.BambuLan
        ? new MakerShop.Printers.Bambu.BambuPrinterIdentity(BambuSerial, BambuCertificateSha256, BambuFtpsPort)
        : null;
}
