using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Mqtt;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Production;

namespace MakerShop.Web.Makers;

/// <summary>
/// Carries out a person's action on a printer (a maker on theirs, the owner on the shop's own): the shop's own record changes (bed clear, filament, service) and the
/// command for the printer are stored in one transaction, then the command is published; the outbox re-sends it until
/// the printer acknowledges. The printer's reports, not this class, move jobs to their outcomes.
/// </summary>
public sealed class PrinterActions(
    SqliteConnectionFactory connections,
    IPrinterCommandPublisher publisher,
    PrinterCommandStore commands,
    IDispatchTrigger dispatch,
    TimeProvider time,
    ILogger<PrinterActions> logger)
{
    public async Task<string> ApplyAsync(string printerId, PrinterAction action, string? material, string? colour, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        StoredCommand? command = null;
        string outcome;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var printer = await PrinterStore.GetAsync(session, printerId, cancellationToken)
                ?? throw new DomainException($"There is no printer {printerId}.");
            if (printer.ControlState.WhyNot(action, printer.Name) is { } refused)
            {
                throw new DomainException(refused);
            }

            switch (action)
            {
                case PrinterAction.Pause or PrinterAction.Resume or PrinterAction.Cancel:
                    var jobId = printer.CurrentJobId ?? throw new DomainException($"{printer.Name} has no job to {action.ToString().ToLowerInvariant()}.");
                    command = CommandFactory.Control(printer.Id, jobId, Kind(action), now);
                    outcome = $"{action} sent for job {jobId}";
                    break;
                case PrinterAction.EmergencyStop:
                    command = CommandFactory.Control(printer.Id, printer.CurrentJobId, PrinterCommandKind.EmergencyStop, now);
                    outcome = "emergency stop sent";
                    break;
                case PrinterAction.BedCleared:
                    printer.ConfirmBedClear(now);
                    await PrinterStore.UpdateAsync(session, printer, cancellationToken);
                    command = CommandFactory.Control(printer.Id, null, PrinterCommandKind.BedCleared, now);
                    outcome = "bed confirmed clear";
                    break;
                case PrinterAction.LoadFilament:
                    printer.LoadFilament(material ?? "", colour ?? "", now);
                    await PrinterStore.UpdateAsync(session, printer, cancellationToken);
                    outcome = $"loaded {printer.LoadedMaterial} {printer.LoadedColour}";
                    break;
                case PrinterAction.TakeOutOfService:
                    printer.TakeOutOfService(now);
                    await PrinterStore.UpdateAsync(session, printer, cancellationToken);
                    outcome = "taken out of service";
                    break;
                case PrinterAction.ReturnToService:
                    printer.ReturnToService(now);
                    await PrinterStore.UpdateAsync(session, printer, cancellationToken);
                    outcome = "returned to service";
                    break;
                default:
                    throw new DomainException($"Unknown action {action}.");
            }

            if (command is not null)
            {
                await PrinterCommandStore.InsertAsync(session, command, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Printer {PrinterId}: {Outcome}", printerId, outcome);
        if (command is not null && await publisher.PublishAsync(command.PrinterId, command.Payload, CancellationToken.None))
        {
            await commands.MarkSentAsync(command.Id, time.GetUtcNow(), CancellationToken.None);
        }

        if (action is PrinterAction.BedCleared or PrinterAction.LoadFilament or PrinterAction.ReturnToService)
        {
            // The printer may now take work the queue has been holding for it.
            await dispatch.RequestDispatchAsync(CancellationToken.None);
        }

        return outcome;
    }

    private static PrinterCommandKind Kind(PrinterAction action) => action switch
    {
        PrinterAction.Pause => PrinterCommandKind.Pause,
        PrinterAction.Resume => PrinterCommandKind.Resume,
        _ => PrinterCommandKind.Cancel,
    };
}
