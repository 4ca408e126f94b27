using System.Collections.Concurrent;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Makers;

/// <summary>
/// Every printer of every maker and of the shop, with the words the owner reads on a card: the maker's name and the
/// job's part and customer. A job's part and order never change, so they are looked up once per job, not once a second.
/// </summary>
public sealed class FleetView(MakerScope scope, MakerStore makers, PrintJobStore jobs, OrderStore orders, Production.OrderNumbers numbers)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, FleetJob> _jobs = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<FleetPrinter>> ListAsync(CancellationToken cancellationToken)
    {
        var printers = await scope.AllPrintersAsync(cancellationToken);
        var names = (await makers.ListAsync(cancellationToken)).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal);
        var list = new List<FleetPrinter>(printers.Count);
        foreach (var printer in printers)
        {
            var job = printer.CurrentJobId is { } jobId ? await JobAsync(jobId, cancellationToken) : null;
            list.Add(new FleetPrinter(printer, names.GetValueOrDefault(printer.MakerId), job));
        }

        return list;
    }

    public async Task<FleetPrinter?> GetAsync(string printerId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(p => p.Id == printerId);

    private async Task<FleetJob?> JobAsync(string jobId, CancellationToken cancellationToken)
    {
        if (_jobs.TryGetValue(jobId, out var known))
        {
            return known;
        }

        if (await jobs.GetAsync(jobId, cancellationToken) is not { } job)
        {
            return null;
        }

        var order = await orders.GetAsync(job.OrderId, cancellationToken);
        var part = order?.Lines.FirstOrDefault(l => l.ProductId == job.ProductId)?.ProductName ?? job.ProductId;
        var words = new FleetJob(job.Id, part, job.Material, job.Colour, job.OrderId, order?.CustomerName ?? "")
        {
            OrderNumber = order is null ? job.OrderId : numbers.Format(order),
        };
        if (_jobs.Count >= MaxRemembered)
        {
            _jobs.Clear();
        }

        _jobs[jobId] = words;
        return words;
    }
}
