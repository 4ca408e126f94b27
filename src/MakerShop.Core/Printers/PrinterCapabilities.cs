namespace MakerShop.Core;

/// <summary>
/// What a printer backend can do, so callers ask instead of assuming: an OctoPrint cannot verify a checksum on upload,
/// a bridge pushes its telemetry while HTTP printers have to be polled.
/// </summary>
public sealed record PrinterCapabilities(
    bool CanPause,
    bool CanResume,
    bool CanCancel,
    bool CanEmergencyStop,
    bool PushesTelemetry,
    bool VerifiesUploadChecksum,
    bool ReportsTemperatures);
