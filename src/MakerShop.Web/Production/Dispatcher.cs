using MakerShop.Core;
using MakerShop.Printers.Mqtt;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

/// <summary>
/// One dispatch pass: reads a snapshot of the queue and the fleet, asks the scheduling policy which job goes where,
/// then claims each job and printer (a conditional write that fails if another pass got there first), records the
/// policy's reason with the job and in its timeline, and stores the start command, all in one transaction. Only then
/// are the commands published (the outbox re-sends any that do not arrive).
/// </summary>
public sealed class Dispatcher(
    SqliteConnectionFactory connections,
    SchedulingSnapshotStore snapshots,
    ISchedulingPolicy policy,
    IOptions<SchedulingOptions> options,
    IOptions<DispatchOptions> dispatchOptions,
    ProductionGate gate,
    ShopUrls urls,
    IPrinterCommandPublisher publisher,
    PrinterCommandStore commands,
    TimeProvider timeProvider,
    ILogger<Dispatcher> logger)
{
    private readonly SchedulingSettings _settings = options.Value.ToSettings();
    private readonly IShippingEstimates _shipping = options.Value.ToShippingEstimates();
    private readonly QueueWindow _window = new(dispatchOptions.Value.QueueWindowPerFilament, options.Value.Policy != SchedulingPolicyKind.Fifo);

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
        var snapshot = await snapshots.ReadAsync(now, _shipping, _settings, _window, cancellationToken);
        if (snapshot.QueuedJobs.Count == 0)
        {
            return [];
        }

        var assignments = policy.Schedule(snapshot);
        if (assignments.Count == 0)
        {
            return [];
        }

        var jobsById = snapshot.QueuedJobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var printersById = snapshot.Printers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var toSend = new List<StoredCommand>();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        foreach (var assignment in assignments)
        {
            var job = jobsById[assignment.JobId];
            var printer = printersById[assignment.PrinterId];
            if (assignment.FilamentSwap)
            {
                // The maker loads the job's filament before it prints; from here on that is what the printer holds.
                printer.LoadFilament(job.Material, job.Colour, now);
            }

            job.Assign(printer.Id, now, assignment.Reason);
            printer.Reserve(job.Id, now);
            if (!await AssignmentStore.TryClaimAsync(session, job, printer, cancellationToken))
            {
                logger.LogWarning("Job {JobId} or printer {PrinterId} was taken by another dispatch pass; left for the next pass", job.Id, printer.Id);
                continue;
            }

            await TimelineStore.AddJobEventAsync(session, job.Id, printer.Id, "Assigned", assignment.Reason, now, cancellationToken);
            var order = await OrderStore.GetAsync(session, job.OrderId, cancellationToken);
            if (order is { Status: OrderStatus.Paid })
            {
                order.StartProduction(now);
                await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
                await TimelineStore.AddOrderEventAsync(session, order.Id, "InProduction", null, now, cancellationToken);
            }

            var command = CommandFactory.Start(printer.Id, job.Id, urls.JobGcode(job.Id), job.GcodeSha256, job.GcodeSizeBytes, now, job.Material, job.Colour);
            await PrinterCommandStore.InsertAsync(session, command, cancellationToken);
            toSend.Add(command);
            logger.LogInformation("Job {JobId} of order {OrderId} assigned to printer {PrinterId}: {Reason}", job.Id, job.OrderId, printer.Id, assignment.Reason);
        }

        await session.CommitAsync(cancellationToken);
        return toSend;
    }
}
