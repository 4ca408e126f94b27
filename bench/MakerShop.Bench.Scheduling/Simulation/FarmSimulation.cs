using System.Diagnostics;
using MakerShop.Core;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>
/// A discrete-event simulation of the farm. Time is a <see cref="FakeTimeProvider"/> moved from event to event; the
/// scheduling policy under test decides every assignment, and the real <see cref="PrintJob"/> and <see cref="Printer"/>
/// state machines carry it out (assign, transfer, print, complete or fail and retry, bed clear, offline and back).
/// Failures and outages are keyed by job attempt and printer, so both policies meet the same ones.
/// </summary>
public sealed class FarmSimulation
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly SimulationOptions _options;
    private readonly ISchedulingPolicy _policy;
    private readonly SchedulingSettings _settings;
    private readonly SimShippingZones _shipping = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly PriorityQueue<SimEvent, (long At, long Seq)> _events = new();
    private readonly List<Maker> _makers;
    private readonly List<Printer> _printers;
    private readonly Dictionary<string, int> _printerIndex;
    private readonly Dictionary<string, SimMaker> _simMakers;
    private readonly bool[] _bedOccupied;
    private readonly int[] _outageCount;
    private readonly int[] _bedClears;
    private readonly PrintJob?[] _running;
    private readonly List<SimOrder> _orders = [];
    private readonly Dictionary<string, (SimOrder Order, int Unit)> _unitOfJob = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrintJob> _queued = new(StringComparer.Ordinal);
    private long _seq;
    private int _produced;
    private int _swaps;
    private int _failures;
    private int _outages;
    private int _passes;
    private double _printingHours;

    public FarmSimulation(SimulationOptions options, ISchedulingPolicy policy, SchedulingSettings settings)
    {
        _options = options;
        _policy = policy;
        _settings = settings;
        _makers = FarmLayout.CreateMakers(Start);
        _printers = FarmLayout.CreatePrinters(Start);
        _printerIndex = _printers.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _simMakers = FarmLayout.Makers.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _bedOccupied = new bool[_printers.Count];
        _outageCount = new int[_printers.Count];
        _bedClears = new int[_printers.Count];
        _running = new PrintJob?[_printers.Count];
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    public SimulationResult Run(string policyName)
    {
        var wall = Stopwatch.StartNew();
        var specs = OrderStream.Generate(_options, Start);
        for (var i = 0; i < specs.Count; i++)
        {
            _orders.Add(new SimOrder(specs[i]));
            Schedule(specs[i].PlacedAt, new SimEvent(SimEventKind.OrderPlaced, i));
        }

        for (var p = 0; p < _printers.Count; p++)
        {
            Schedule(Start + NextOutageGap(p), new SimEvent(SimEventKind.OutageStarted, p));
        }

        Schedule(Start, new SimEvent(SimEventKind.DispatchTick, 0));
        var horizon = Start.AddDays(_options.Days * 4);
        while (_produced < _orders.Count && _events.TryPeek(out _, out var first) && first.At < horizon.UtcTicks)
        {
            _clock.SetUtcNow(new DateTimeOffset(first.At, TimeSpan.Zero));
            var dispatch = false;
            while (_events.TryPeek(out _, out var next) && next.At == first.At)
            {
                dispatch |= Handle(_events.Dequeue());
            }

            if (dispatch)
            {
                Dispatch();
            }
        }

        return Measure(policyName, wall.Elapsed);
    }

    /// <summary>Applies one event; true when it may let a job start (a job queued, a printer ready, the interval).</summary>
    private bool Handle(SimEvent e)
    {
        switch (e.Kind)
        {
            case SimEventKind.OrderPlaced:
                PlaceOrder(_orders[e.Target]);
                return true;
            case SimEventKind.PrintStarted:
                return StartPrint(e.Target, e.JobId!);
            case SimEventKind.PrintEnded:
                return EndPrint(e.Target, e.JobId!);
            case SimEventKind.BedCleared:
                return ClearBed(e.Target);
            case SimEventKind.OutageStarted:
                GoOffline(e.Target);
                return true;
            case SimEventKind.OutageEnded:
                return ComeBack(e.Target);
            case SimEventKind.DispatchTick:
                Schedule(Now + _options.DispatchInterval, e);
                return true;
            default:
                return false;
        }
    }

    private void PlaceOrder(SimOrder order)
    {
        for (var u = 0; u < order.Spec.Units.Count; u++)
        {
            var unit = order.Spec.Units[u];
            var job = PrintJob.Create(
                $"{order.Spec.Id}-{u + 1}-a1", order.Spec.Id, u, "sim-part", unit.Material, unit.Colour, unit.Size, unit.PrintTime,
                "sim.gcode", new string('0', 64), 1, order.Spec.ShipBy, order.Spec.Express, _options.MaxAttempts, Now);
            Queue(order, u, job);
        }
    }

    private void Queue(SimOrder order, int unit, PrintJob job)
    {
        order.Units[unit] = job;
        _unitOfJob[job.Id] = (order, unit);
        _queued[job.Id] = job;
    }

    private void Dispatch()
    {
        if (_queued.Count == 0 || !_printers.Any(p => p.IsReady))
        {
            return;
        }

        _passes++;
        var queued = _queued.Values.ToList();
        var orders = new Dictionary<string, SchedulingOrder>(StringComparer.Ordinal);
        foreach (var job in queued)
        {
            var order = _unitOfJob[job.Id].Order;
            if (!orders.ContainsKey(order.Spec.Id))
            {
                var makers = order.Units
                    .Where(u => u is { PrinterId: not null } && (u.IsActive || u.Status == PrintJobStatus.Completed))
                    .Select(u => _printers[_printerIndex[u!.PrinterId!]].MakerId)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                orders[order.Spec.Id] = new SchedulingOrder(order.Spec.Id, order.Spec.Destination, makers);
            }
        }

        var snapshot = new SchedulingSnapshot(Now, queued, _printers, _makers, orders, _shipping, _settings);
        foreach (var assignment in _policy.Schedule(snapshot))
        {
            var job = _queued[assignment.JobId];
            var p = _printerIndex[assignment.PrinterId];
            var printer = _printers[p];
            if (assignment.FilamentSwap)
            {
                printer.LoadFilament(job.Material, job.Colour, Now);
                _swaps++;
            }

            job.Assign(printer.Id, Now, assignment.Reason);
            printer.Reserve(job.Id, Now);
            job.BeginTransfer(Now);
            _queued.Remove(job.Id);
            _running[p] = job;
            var swapTime = assignment.FilamentSwap ? _settings.SwapTime : TimeSpan.Zero;
            Schedule(Now + _options.TransferTime + swapTime, new SimEvent(SimEventKind.PrintStarted, p, job.Id));
        }
    }

    private bool StartPrint(int p, string jobId)
    {
        if (_running[p] is not { } job || job.Id != jobId || job.Status != PrintJobStatus.Transferring)
        {
            return false;
        }

        job.StartPrinting(Now);
        _printers[p].MarkPrinting(job.Id, Now);
        var fails = StableRandom.Uniform(_options.Seed, job.Id, salt: 1) < _options.FailureRate;
        var duration = fails
            ? job.EstimatedPrintTime * StableRandom.Between(_options.Seed, job.Id, 0.1, 0.9, salt: 2)
            : job.EstimatedPrintTime;
        Schedule(Now + duration, new SimEvent(SimEventKind.PrintEnded, p, job.Id));
        return false;
    }

    private bool EndPrint(int p, string jobId)
    {
        if (_running[p] is not { } job || job.Id != jobId || job.Status != PrintJobStatus.Printing)
        {
            return false;
        }

        _printingHours += (Now - job.StartedAt!.Value).TotalHours;
        var fails = StableRandom.Uniform(_options.Seed, job.Id, salt: 1) < _options.FailureRate;
        if (fails)
        {
            job.Fail("spaghetti", Now);
            Retry(job);
        }
        else
        {
            job.Complete(Now);
            var (order, _) = _unitOfJob[job.Id];
            order.Completed++;
            if (order.Completed == order.Units.Length)
            {
                order.ProducedAt = Now;
                _produced++;
            }
        }

        _running[p] = null;
        _printers[p].FinishJob(fails ? PrintEnding.Failed : PrintEnding.Completed, Now);
        LeavePartOnBed(p);
        return true;
    }

    private void Retry(PrintJob failed)
    {
        _failures++;
        var (order, unit) = _unitOfJob[failed.Id];
        // Out of attempts, the owner looks at it and starts the unit afresh: the order still has to ship.
        var retry = failed.CanRetry
            ? failed.CreateRetry($"{order.Spec.Id}-{unit + 1}-a{failed.Attempt + 1}", Now)
            : PrintJob.Create(
                $"{order.Spec.Id}-{unit + 1}-r{failed.Attempt + 1}", failed.OrderId, failed.UnitIndex, failed.ProductId, failed.Material, failed.Colour,
                failed.PartSize, failed.EstimatedPrintTime, failed.GcodePath, failed.GcodeSha256, failed.GcodeSizeBytes, failed.ShipBy, failed.Express,
                failed.MaxAttempts, Now);
        Queue(order, unit, retry);
    }

    private void LeavePartOnBed(int p)
    {
        var printer = _printers[p];
        if (printer.AutoEject)
        {
            return;
        }

        _bedOccupied[p] = true;
        Schedule(NextBedClear(p), new SimEvent(SimEventKind.BedCleared, p));
    }

    private bool ClearBed(int p)
    {
        _bedOccupied[p] = false;
        var printer = _printers[p];
        return printer.Status == PrinterStatus.NeedsBedClear && printer.ConfirmBedClear(Now);
    }

    private void GoOffline(int p)
    {
        var printer = _printers[p];
        _outages++;
        var length = TimeSpan.FromHours(StableRandom.Between(_options.Seed, printer.Id, _options.MinOutageHours, _options.MaxOutageHours, salt: 100 + _outageCount[p]));
        printer.MarkOffline(Now);
        if (_running[p] is { } job)
        {
            // A print cut off by the outage is lost; the part (if any) stays on the bed.
            if (job.Status == PrintJobStatus.Printing)
            {
                _printingHours += (Now - job.StartedAt!.Value).TotalHours;
            }

            job.Fail("the printer went offline mid-print", Now);
            Retry(job);
            _running[p] = null;
            printer.FinishJob(PrintEnding.Unknown, Now);
            LeavePartOnBed(p);
        }

        Schedule(Now + length, new SimEvent(SimEventKind.OutageEnded, p));
    }

    private bool ComeBack(int p)
    {
        _printers[p].MarkOnline(bedClear: !_bedOccupied[p], Now);
        _outageCount[p]++;
        Schedule(Now + NextOutageGap(p), new SimEvent(SimEventKind.OutageStarted, p));
        return true;
    }

    private TimeSpan NextOutageGap(int p)
    {
        // Exponential gaps: outages come at random, on average every MeanDaysBetweenOutages days.
        var u = StableRandom.Uniform(_options.Seed, _printers[p].Id, salt: 10_000 + _outageCount[p]);
        return TimeSpan.FromDays(-Math.Log(1 - u) * _options.MeanDaysBetweenOutages);
    }

    /// <summary>Makers clear beds from 08:00 to 22:00 their time, within minutes; a part finished at night waits for the morning.</summary>
    private DateTimeOffset NextBedClear(int p)
    {
        var printer = _printers[p];
        var maker = _simMakers[printer.MakerId];
        var delay = TimeSpan.FromMinutes(StableRandom.Between(_options.Seed, printer.Id, 5, 45, salt: 50_000 + _bedClears[p]++));
        var local = Now.ToOffset(TimeSpan.FromHours(maker.UtcOffsetHours));
        if (local.Hour is >= 8 and < 22)
        {
            return Now + delay;
        }

        var morning = new DateTimeOffset(local.Year, local.Month, local.Day, 8, 0, 0, local.Offset);
        if (local.Hour >= 22)
        {
            morning = morning.AddDays(1);
        }

        return morning.ToUniversalTime() + delay;
    }

    private void Schedule(DateTimeOffset at, SimEvent e) => _events.Enqueue(e, (at.UtcTicks, _seq++));

    private SimulationResult Measure(string policyName, TimeSpan wall)
    {
        var lateness = new List<double>(_orders.Count);
        var onTime = 0;
        var parcels = 0;
        var crossing = 0;
        long shippingMinor = 0;
        var last = Start;
        foreach (var order in _orders)
        {
            var producedAt = order.ProducedAt ?? Now;
            last = producedAt > last ? producedAt : last;
            var late = Math.Max(0, (producedAt - order.Spec.ShipBy).TotalHours);
            lateness.Add(late);
            onTime += order.IsProduced && late <= 0 ? 1 : 0;
            if (late > 0 && _options.ShowLateOrders)
            {
                Console.Error.WriteLine($"{policyName} late {order.Spec.Id} {order.Spec.Destination} express={order.Spec.Express} placed={order.Spec.PlacedAt:MM-dd HH:mm} shipBy={order.Spec.ShipBy:MM-dd HH:mm} late={late:0.0}h units=" +
                    string.Join(",", order.Units.Select(u => $"{u!.Material}/{u.Colour}/{u.EstimatedPrintTime.TotalHours:0.0}h/{u.PartSize}/a{u.Attempt}/q{u.QueuedAt:MM-dd HH:mm}/s{u.StartedAt:MM-dd HH:mm}@{u.PrinterId}")));
            }

            foreach (var country in order.Units.Where(u => u is { Status: PrintJobStatus.Completed })
                         .Select(u => _printers[_printerIndex[u!.PrinterId!]].CountryCode + "/" + _printers[_printerIndex[u.PrinterId!]].MakerId)
                         .Distinct(StringComparer.Ordinal))
            {
                var estimate = _shipping.Estimate(country[..2], order.Spec.Destination);
                parcels++;
                crossing += estimate.CrossesCustoms ? 1 : 0;
                shippingMinor += estimate.CostMinor;
            }
        }

        lateness.Sort();
        var makespan = last - _orders[0].Spec.PlacedAt;
        return new SimulationResult(
            policyName,
            _options.Seed,
            _orders.Count,
            _orders.Sum(o => o.Units.Length),
            (double)onTime / _orders.Count,
            lateness.Average(),
            lateness[(int)Math.Ceiling(0.95 * lateness.Count) - 1],
            makespan.TotalDays,
            _printingHours / (_printers.Count * makespan.TotalHours),
            _swaps,
            parcels,
            parcels == 0 ? 0 : (double)crossing / parcels,
            shippingMinor / 100m,
            _failures,
            _outages,
            _passes,
            wall);
    }
}
