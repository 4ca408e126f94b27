using MakerShop.Contracts.Mqtt;
using MakerShop.Printers.Reports;

namespace MakerShop.Printers.Mqtt;

/// <summary>The one place where firmware-bridge MQTT messages become <see cref="PrinterReport"/>s.</summary>
public static class BridgeMessageTranslator
{
    /// <summary>Returns null for topics outside the contract and payloads that do not parse (they are logged by the caller).</summary>
    public static PrinterReport? Translate(string topic, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
    {
        if (!PrinterTopics.TryParse(topic, out var printerId, out var kind))
        {
            return null;
        }

        return kind switch
        {
            "state" => ContractJson.TryDeserialize<PrinterStatePayload>(payload) is { } state
                ? new PrinterStateReport(printerId, receivedAt, ToActivity(state.Status), state.JobId, state.Progress, state.LastJob, state.Heaters ?? [], state.Firmware, state.EtaSeconds, state.At)
                : null,
            "telemetry" => ContractJson.TryDeserialize<TelemetryPayload>(payload) is { } telemetry
                ? new TelemetryReport(printerId, receivedAt, telemetry.Heaters ?? [], telemetry.JobId, telemetry.Progress, telemetry.EtaSeconds) { ReportedAt = telemetry.At }
                : null,
            "events" => ContractJson.TryDeserialize<PrinterEventPayload>(payload) is { } e && !string.IsNullOrEmpty(e.EventId)
                ? new JobReport(printerId, receivedAt, e.EventId, ToKind(e.Kind), e.JobId, e.Progress, e.Reason)
                : null,
            "commands/ack" => ContractJson.TryDeserialize<CommandAckPayload>(payload) is { } ack && !string.IsNullOrEmpty(ack.CommandId)
                ? new CommandAcknowledgedReport(printerId, receivedAt, ack.CommandId, ack.Accepted, ack.Reason)
                : null,
            _ => null,
        };
    }

    private static ReportedActivity ToActivity(BridgeStatus status) => status switch
    {
        BridgeStatus.Offline => ReportedActivity.Offline,
        BridgeStatus.Idle => ReportedActivity.Idle,
        BridgeStatus.Downloading => ReportedActivity.Transferring,
        BridgeStatus.Printing => ReportedActivity.Working,
        BridgeStatus.Paused => ReportedActivity.Paused,
        BridgeStatus.Finished => ReportedActivity.AwaitingBedClear,
        BridgeStatus.Error => ReportedActivity.Error,
        _ => ReportedActivity.Error,
    };

    private static JobReportKind ToKind(PrinterEventKind kind) => kind switch
    {
        PrinterEventKind.JobStarted => JobReportKind.Started,
        PrinterEventKind.JobProgress => JobReportKind.Progress,
        PrinterEventKind.JobCompleted => JobReportKind.Completed,
        PrinterEventKind.JobFailed => JobReportKind.Failed,
        PrinterEventKind.JobCancelled => JobReportKind.Cancelled,
        _ => JobReportKind.FirmwareError,
    };
}
