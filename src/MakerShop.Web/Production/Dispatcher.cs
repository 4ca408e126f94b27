using MakerShop.Core;
using MakerShop.Printers.Mqtt;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Production;

/// <summary>
/// One dispatch pass: asks the scheduling policy which queued job goes where, records every assignment and its start
/// command in one transaction, and only then publishes the commands (the outbox re-sends any that do not arrive).
/// </summary>
public sealed class Dispatcher(
    SqliteConnectionFactory connections,
    ISchedulingPolicy policy,
    ProductionGate gate,
    ShopUrls urls,
    IPrinterCommandPublisher publisher,
    PrinterCommandStore commands,
    TimeProvider timeProvider,
    ILogger<Dispatcher> logger)
{
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        List<StoredCommand> toSend;
        using (await gate.EnterAsync(cancellationToken))
        {
            toSend = await AssignAsync(cancellationToken);
        }

        foreach (var command in toSend)
        {
            if (await publisher.PublishAsync(command.PrinterId, command.Payload, cancellationToken))
            {
                await commands.MarkSentAsync(command.Id, timeProvider.GetUtcNow(), cancellationToken);
            }
        }

        return toSend.Count;
    }

    private async Task<List<StoredCommand>> AssignAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        // The printer list is small and a pass without a ready printer does nothing, so look at it before the queue.
        var printers = await PrinterStore.ListAsync(session, cancellationToken);
        if (!printers.Any(p => p.IsReady))
        {
            return [];
        }

        var queued = await PrintJobStore.ListByStatusAsync(session, [PrintJobStatus.Queued], cancellationToken);
        if (queued.Count == 0)
        {
            return [];
        }

        var assignments = policy.Schedule(queued, printers);
        var jobsById = queued.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var printersById = printers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var toSend = new List<StoredCommand>();
        foreach (var assignment in assignments)
        {
            var job = jobsById[assignment.JobId];
            var printer = printersById[assignment.PrinterId];
            job.Assign(printer.Id, now);
            printer.Reserve(job.Id, now);
            await PrintJobStore.UpdateAsync(session, job, cancellationToken);
            await PrinterStore.UpdateAsync(session, printer, cancellationToken);
            await TimelineStore.AddJobEventAsync(session, job.Id, printer.Id, "Assigned", assignment.Reason, now, cancellationToken);

            var order = await OrderStore.GetAsync(session, job.OrderId, cancellationToken);
            if (order is { Status: OrderStatus.Paid })
            {
                order.StartProduction(now);
                await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
                await TimelineStore.AddOrderEventAsync(session, order.Id, "InProduction", null, now, cancellationToken);
            }

            var command = CommandFactory.Start(printer.Id, job.Id, urls.JobGcode(job.Id), job.GcodeSha256, job.GcodeSizeBytes, now);
            await PrinterCommandStore.InsertAsync(session, command, cancellationToken);
            toSend.Add(command);
            logger.LogInformation("Job {JobId} of order {OrderId} assigned to printer {PrinterId}: {Reason}", job.Id, job.OrderId, printer.Id, assignment.Reason);
        }

        await session.CommitAsync(cancellationToken);
        return toSend;
    }
}
