using MakerShop.Contracts.Mqtt;
using MakerShop.Core;

namespace MakerShop.Printers.Http;

/// <summary>
/// One poll of an HTTP printer, already read out of its API's payloads by that API's protocol class;
/// <see cref="HttpPrinterReportTranslator"/> turns it into the shop's reports. Progress is 0–1.
/// </summary>
public sealed record HttpPrinterObservation(
    ObservedLink Link,
    ObservedMachine Machine,
    string? FileName,
    double? Progress,
    int? EtaSeconds,
    ObservedJobEnd JobEnd,
    string? Reason,
    IReadOnlyList<HeaterReading> Heaters,
    string? Firmware)
{
    public static HttpPrinterObservation Unreachable(string reason) =>
        new(ObservedLink.Unreachable, ObservedMachine.Disconnected, null, null, null, ObservedJobEnd.None, reason, [], null);

    public static HttpPrinterObservation Unauthorized(string reason) =>
        new(ObservedLink.Unauthorized, ObservedMachine.Error, null, null, null, ObservedJobEnd.None, reason, [], null);

    /// <summary>
    /// The printer is between two states (OctoPrint's Starting, Pausing, Resuming, Cancelling, Finishing): a job is
    /// on it, and a pause or resume sent now may be ignored, so such a command waits for the state to settle.
    /// </summary>
    public bool Settling { get; init; }

    /// <summary>The spools the printer says it holds (Bambu Lab's AMS); null for printers that do not say.</summary>
    public PrinterFilament? Filament { get; init; }

    public bool IsActive => Machine is ObservedMachine.Printing or ObservedMachine.Paused;

    /// <summary>The shop job whose file the printer shows, if the file is one the shop uploaded.</summary>
    public string? JobId => HttpJobFiles.JobIdOf(FileName);
}
