using MakerShop.Contracts.Mqtt;
using MakerShop.Printers.Http;

namespace MakerShop.Printers.PrusaLink;

/// <summary>
/// PrusaLink's printer states in the shop's words. FINISHED and STOPPED are a printer at rest with the ended job still
/// shown, so something (a part, or a stopped print's remains) is on the bed: the job's end is reported and Core's
/// bed rule keeps the printer from the next job until a person clears it. ATTENTION mid-print is the printer holding
/// the print for a person at its screen (filament run out, a crash detected): the job is not over, so it reads as paused.
/// </summary>
public static class PrusaLinkStates
{
    public const string Idle = "IDLE";
    public const string Busy = "BUSY";
    public const string Printing = "PRINTING";
    public const string Paused = "PAUSED";
    public const string Finished = "FINISHED";
    public const string Stopped = "STOPPED";
    public const string Error = "ERROR";
    public const string Attention = "ATTENTION";
    public const string Ready = "READY";

    /// <summary>What the shop says when the printer waits for someone at its screen.</summary>
    public const string AttentionReason = "the printer is waiting for someone at its screen";

    /// <summary>States in which <c>/api/v1/job</c> has a job to show.</summary>
    public static bool HasJob(string? state) => state is Printing or Paused or Finished or Stopped or Error or Attention or Busy;

    public static HttpPrinterObservation Read(PrusaLinkStatus status, PrusaLinkJob? job)
    {
        ArgumentNullException.ThrowIfNull(status);
        var printer = status.Printer;
        var state = printer?.State?.ToUpperInvariant() ?? Idle;
        var file = FileName(job?.File);
        var message = printer?.StatusPrinter is { Ok: false, Message: { Length: > 0 } m } ? m : null;
        (ObservedMachine machine, ObservedJobEnd end, string? reason) = state switch
        {
            Printing => (ObservedMachine.Printing, ObservedJobEnd.None, null),
            Paused => (ObservedMachine.Paused, ObservedJobEnd.None, null),

            // Busy is homing, calibrating or loading filament, or the first moments of a print: working, never ready for a job.
            Busy => (ObservedMachine.Printing, ObservedJobEnd.None, null),
            Attention when file is not null => (ObservedMachine.Paused, ObservedJobEnd.None, message ?? AttentionReason),
            Attention => (ObservedMachine.Error, ObservedJobEnd.None, message ?? AttentionReason),
            Finished => (ObservedMachine.Ready, ObservedJobEnd.Completed, null),
            Stopped => (ObservedMachine.Ready, ObservedJobEnd.Cancelled, null),
            Error => (ObservedMachine.Error, file is null ? ObservedJobEnd.None : ObservedJobEnd.Failed, message ?? "the printer reported an error"),
            _ => (ObservedMachine.Ready, ObservedJobEnd.None, null),
        };
        if (file is null && end is ObservedJobEnd.Completed or ObservedJobEnd.Cancelled)
        {
            end = ObservedJobEnd.None;
        }

        var percent = status.Job?.Progress ?? job?.Progress;
        var left = status.Job?.TimeRemaining ?? job?.TimeRemaining;
        return new HttpPrinterObservation(
            ObservedLink.Answered,
            machine,
            file,
            end == ObservedJobEnd.Completed ? 1 : percent is { } p ? Math.Clamp(p / 100, 0, 1) : null,
            machine is ObservedMachine.Printing or ObservedMachine.Paused && left is { } l ? (int)Math.Round(l) : null,
            end,
            reason,
            Heaters(printer),
            null);
    }

    private static string? FileName(PrusaLinkJobFile? file)
    {
        var name = !string.IsNullOrEmpty(file?.DisplayName) ? file.DisplayName : file?.Name;
        return string.IsNullOrEmpty(name) ? null : name;
    }

    private static List<HeaterReading> Heaters(PrusaLinkPrinter? printer)
    {
        var heaters = new List<HeaterReading>();
        if (printer?.TempNozzle is { } nozzle)
        {
            heaters.Add(new HeaterReading("tool0", nozzle, printer.TargetNozzle));
        }

        if (printer?.TempBed is { } bed)
        {
            heaters.Add(new HeaterReading("bed", bed, printer.TargetBed));
        }

        return heaters;
    }
}
