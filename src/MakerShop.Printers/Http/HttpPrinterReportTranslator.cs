using MakerShop.Contracts.Mqtt;
using MakerShop.Printers.Reports;

namespace MakerShop.Printers.Http;

/// <summary>
/// The one place where what an OctoPrint or Moonraker printer shows becomes the shop's reports: the same state
/// snapshots and job events a firmware-bridge sends, so the report handler needs to know nothing about HTTP printers.
/// Job events carry ids made from the job and what happened to it, so seeing the same thing twice changes nothing.
/// </summary>
public static class HttpPrinterReportTranslator
{
    /// <summary>Why a print the server no longer shows failed: its server or firmware restarted (or was restarted) and forgot it.</summary>
    public const string ForgottenReason = "the printer no longer shows the print (its server or firmware restarted); how it ended is unknown";

    public static IReadOnlyList<PrinterReport> Translate(
        HttpPrinterEndpoint endpoint, HttpPrinterObservation now, HttpPrinterObservation? previous, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(now);
        var printerId = endpoint.PrinterId;
        if (now.Link == ObservedLink.Unreachable)
        {
            return [Offline(printerId, at)];
        }

        if (now.Link == ObservedLink.Unauthorized)
        {
            return [State(printerId, at, ReportedActivity.Error, now, jobId: null, lastJob: null) with { Reason = PrinterErrorReasons.IsLinkRefusal(now.Reason) ? now.Reason : KeyRefused(endpoint.Kind) }];
        }

        if (now.Machine == ObservedMachine.Disconnected)
        {
            // The server is there but its printer is not: the print (if any) is not assumed lost until it says so,
            // as OctoPrint does (a closed link aborts its print) by reporting the job failed.
            return now.JobEnd == ObservedJobEnd.Failed && previous is { IsActive: true, JobId: { } lost }
                ? [new JobReport(printerId, at, $"{lost}:failed", JobReportKind.Failed, lost, null, now.Reason), Offline(printerId, at)]
                : [Offline(printerId, at)];
        }

        var reports = new List<PrinterReport>();
        var jobId = now.JobId;
        var ended = EndedJob(now, previous, at);
        if (now.IsActive && jobId is not null && !(previous is { IsActive: true } && previous.JobId == jobId))
        {
            reports.Add(new JobReport(printerId, at, $"{jobId}:started", JobReportKind.Started, jobId, now.Progress, null));
        }

        if (ended is not null && !(previous is not null && previous.JobId == ended.JobId && previous.JobEnd == now.JobEnd && now.JobEnd != ObservedJobEnd.None))
        {
            var kind = ended.Outcome switch
            {
                JobOutcomeKind.Completed => JobReportKind.Completed,
                JobOutcomeKind.Cancelled => JobReportKind.Cancelled,
                _ => JobReportKind.Failed,
            };
            reports.Add(new JobReport(printerId, at, $"{ended.JobId}:{kind.ToString().ToLowerInvariant()}", kind, ended.JobId, kind == JobReportKind.Completed ? 1 : null, ended.Reason));
        }

        // An HTTP printer knows nothing of its bed: what is on it is the shop's record, cleared only by a person.
        var activity = now.Machine switch
        {
            ObservedMachine.Printing => ReportedActivity.Working,
            ObservedMachine.Paused => ReportedActivity.Paused,
            ObservedMachine.Error => ReportedActivity.Error,
            _ => ReportedActivity.Idle,
        };
        var state = State(printerId, at, activity, now, now.IsActive ? jobId : null, ended);
        reports.Add(activity == ReportedActivity.Error ? state with { Reason = now.Reason } : state);
        return reports;
    }

    /// <summary>What a maker must fix, in the printer's own terms: PrusaLink calls its secret a password.</summary>
    private static string KeyRefused(MakerShop.Core.PrinterKind kind) =>
        kind == MakerShop.Core.PrinterKind.PrusaLink ? PrinterErrorReasons.PrusaLinkPasswordRefused : PrinterErrorReasons.ApiKeyRefused;

    /// <summary>
    /// The job the printer says has ended: the file it shows with its end, or else a shop job that was printing at the
    /// last poll and no longer is. Still showing that file, it was stopped at the machine; showing none (or another),
    /// the server or the firmware restarted and forgot it, so nobody knows how it ended.
    /// </summary>
    private static JobOutcome? EndedJob(HttpPrinterObservation now, HttpPrinterObservation? previous, DateTimeOffset at)
    {
        if (now.JobId is { } jobId && now.JobEnd != ObservedJobEnd.None && !now.IsActive)
        {
            var outcome = now.JobEnd switch
            {
                ObservedJobEnd.Completed => JobOutcomeKind.Completed,
                ObservedJobEnd.Cancelled => JobOutcomeKind.Cancelled,
                _ => JobOutcomeKind.Failed,
            };
            return new JobOutcome(jobId, outcome, outcome == JobOutcomeKind.Completed ? null : now.Reason, at);
        }

        if (previous is { IsActive: true, JobId: { } was } && !(now.IsActive && now.JobId == was))
        {
            return now.Machine == ObservedMachine.Error
                ? new JobOutcome(was, JobOutcomeKind.Failed, now.Reason ?? "the printer reported an error", at)
                : now.JobId == was
                    ? new JobOutcome(was, JobOutcomeKind.Cancelled, "the print stopped at the printer", at)
                    : new JobOutcome(was, JobOutcomeKind.Failed, ForgottenReason, at);
        }

        return null;
    }

    private static PrinterStateReport Offline(string printerId, DateTimeOffset at) =>
        new(printerId, at, ReportedActivity.Offline, null, null, null, [], null, null, at);

    private static PrinterStateReport State(string printerId, DateTimeOffset at, ReportedActivity activity, HttpPrinterObservation now, string? jobId, JobOutcome? lastJob) =>
        new(printerId, at, activity, jobId, jobId is null ? null : now.Progress, lastJob, now.Heaters, now.Firmware, jobId is null ? null : now.EtaSeconds, at)
        {
            Filament = now.Filament,
        };
}
