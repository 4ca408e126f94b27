using System.Collections.Concurrent;
using MakerShop.Printers.Http;

namespace MakerShop.Printers.Moonraker;

/// <summary>
/// Remembers, per printer, the file Klipper was last seen printing. A Klipper restart (FIRMWARE_RESTART, RESTART, the
/// restart after a shutdown) resets <c>print_stats</c> to an empty <c>standby</c>: the file and its end are gone, and a
/// poll that caught Klippy reconnecting in between leaves the shop no printing observation to compare with. Seeing that
/// empty standby after a print, this says the print ended there, failed, until the printer shows a file of its own again.
/// </summary>
internal sealed class MoonrakerDroppedPrints
{
    public const string Reason = "Klipper dropped the print: it restarted (firmware restart, restart or recovery from a shutdown) or its file was reset";

    private readonly ConcurrentDictionary<string, string> _printing = new(StringComparer.Ordinal);

    public HttpPrinterObservation Apply(string printerId, HttpPrinterObservation observation)
    {
        if (observation.Link != ObservedLink.Answered || observation.Machine is ObservedMachine.Disconnected)
        {
            // Klippy is away (restarting, perhaps): what it was printing is not known to be gone yet.
            return observation;
        }

        if (observation.FileName is { } file)
        {
            if (observation.IsActive)
            {
                _printing[printerId] = file;
            }
            else
            {
                // Klipper shows how this file ended (complete, cancelled, error, or paused in a shutdown) by itself.
                _printing.TryRemove(printerId, out _);
            }

            return observation;
        }

        return observation.Machine == ObservedMachine.Ready && _printing.TryGetValue(printerId, out var dropped)
            ? observation with { FileName = dropped, JobEnd = ObservedJobEnd.Failed, Reason = Reason }
            : observation;
    }
}
