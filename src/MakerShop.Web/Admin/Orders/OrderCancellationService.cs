using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Mqtt;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Production;

namespace MakerShop.Web.Admin.Orders;

/// <summary>
/// The owner cancels an order: the order, its unprinted jobs, the printers' reservations and the stop commands are
/// written in one transaction (<see cref="OrderCancellation"/> decides what changes), then the commands are published;
/// the outbox re-sends any the printer did not acknowledge. Cancelling a cancelled order again changes nothing.
/// </summary>
public sealed class OrderCancellationService(
    SqliteConnectionFactory connections,
    ProductionGate gate,
    IPrinterCommandPublisher publisher,
    PrinterCommandStore commands,
    IDispatchTrigger dispatch,
    TimeProvider time,
    ILogger<OrderCancellationService> logger)
{
    public async Task<OrderCancellationOutcome> CancelAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stops = new List<StoredCommand>();
        CancellationPlan plan;
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            var order = await OrderStore.GetAsync(session, orderId, cancellationToken)
                ?? throw new AdminNotFoundException($"order {orderId}");
            if (order.Status == OrderStatus.Cancelled)
            {
                return new OrderCancellationOutcome(false, 0, 0);
            }

            var jobs = await PrintJobStore.ListByOrderAsync(session, orderId, cancellationToken);
            plan = OrderCancellation.Cancel(order, jobs, now);
            await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, order.Id, "Cancelled",
                $"by the owner; {plan.Cancelled.Count} unprinted job(s) cancelled, {plan.StopOnPrinter.Count} stopped on their printer", now, cancellationToken);
            foreach (var job in plan.Cancelled)
            {
                await PrintJobStore.UpdateAsync(session, job, cancellationToken);
                await TimelineStore.AddJobEventAsync(session, job.Id, job.PrinterId, "Cancelled", "the order was cancelled", now, cancellationToken);
            }

            foreach (var target in plan.StopOnPrinter)
            {
                // A start not yet acknowledged is not re-sent; the cancel stops the job if the start got through anyway.
                await PrinterCommandStore.AbandonForJobAsync(session, target.Job.Id, now, cancellationToken);
                var stop = CommandFactory.Control(target.PrinterId, target.Job.Id, PrinterCommandKind.Cancel, now);
                await PrinterCommandStore.InsertAsync(session, stop, cancellationToken);
                stops.Add(stop);
                if (target.OnlyReserved && await PrinterStore.GetAsync(session, target.PrinterId, cancellationToken) is { } printer
                    && printer.DropJob(target.Job.Id, now))
                {
                    await PrinterStore.UpdateAsync(session, printer, cancellationToken);
                }
            }

            await session.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Order {OrderId} cancelled by the owner: {JobCount} job(s) cancelled, {StopCount} printer(s) told to stop", orderId, plan.Cancelled.Count, stops.Count);
        foreach (var stop in stops)
        {
            if (await publisher.PublishAsync(stop.PrinterId, stop.Payload, CancellationToken.None))
            {
                await commands.MarkSentAsync(stop.Id, time.GetUtcNow(), CancellationToken.None);
            }
        }

        if (stops.Count > 0)
        {
            await dispatch.RequestDispatchAsync(CancellationToken.None);
        }

        return new OrderCancellationOutcome(true, plan.Cancelled.Count, stops.Count);
    }
}
