using System.Globalization;

namespace MakerShop.Core;

/// <summary>The choice of a printer for one job in one pass, and the words that explain it.</summary>
internal readonly ref struct JobPlacement
{
    private readonly PrintJob _job;
    private readonly SchedulingSnapshot _snapshot;
    private readonly FleetIndex _fleet;
    private readonly string? _destination;
    private readonly ShippingEstimate[]? _estimates;
    private readonly ShippingProximity _bestProximity;
    private readonly TimeSpan _slack;
    private readonly int _filament;
    private readonly MaterialRequirements _requirements;
    private readonly TimeSpan _territoryWait;
    private readonly TimeSpan _filamentWait;
    private readonly int[] _demand;

    public JobPlacement(
        PrintJob job, SchedulingSnapshot snapshot, FleetIndex fleet, List<int> orderMakers, int filament, TimeSpan territoryWait, TimeSpan filamentWait, int[] demand)
    {
        _job = job;
        _snapshot = snapshot;
        _fleet = fleet;
        OrderMakers = orderMakers;
        _destination = snapshot.Orders.TryGetValue(job.OrderId, out var order) ? order.DestinationCountry : null;
        _estimates = _destination is null ? null : fleet.EstimatesTo(_destination);
        _slack = job.ShipBy - job.EstimatedPrintTime - snapshot.Now;
        _filament = filament;
        _requirements = fleet.RequirementsOf(_filament);
        _territoryWait = territoryWait;
        _filamentWait = filamentWait;
        _demand = demand;

        // What waiting can win: a job that will not swap can only hope for a printer that has its filament, so a closer
        // printer loaded with something else is no reason to wait.
        _bestProximity = _destination is null ? ShippingProximity.Domestic
            : MaySwap ? fleet.BestProximityTo(_destination)
            : fleet.BestProximityWithFilament(_destination, filament);
    }

    /// <summary>Makers already printing this order (including this pass's choices).</summary>
    public List<int> OrderMakers { get; }

    private SchedulingSettings Settings => _snapshot.Settings;

    /// <summary>
    /// Waits rather than cross a border the fleet could avoid, while the slack left after the expected wait for a
    /// printer inside the territory (more urgent work queued there, shared among its printers) and after room to
    /// print it once more (a failed print is printed again) stays above the margin. A job the owner moved up never
    /// waits: the owner asked for it to go now.
    /// </summary>
    private bool HoldsOutForCloser =>
        _job.Priority <= 0 && !HeldOutLongEnough && _slack - _territoryWait - _job.EstimatedPrintTime > Settings.CrossBorderSlack;

    /// <summary>Queued for longer than the owner lets a job hold out for a better printer while another could print it.</summary>
    private bool HeldOutLongEnough => _snapshot.Now - _job.QueuedAt >= Settings.MaxHoldOut;

    /// <summary>
    /// A swap is allowed when the owner allows swaps and either no online printer has the filament loaded, or the
    /// expected wait for one (more urgent work on that filament, shared among its printers) eats the slack margin, or
    /// the owner moved the job up.
    /// </summary>
    private bool MaySwap =>
        Settings.AllowSwaps && (_fleet.LoadedInFleet(_filament) == 0 || _job.Priority > 0 || HeldOutLongEnough
                                || _slack - _filamentWait - _job.EstimatedPrintTime <= Settings.SwapSlack);

    public Candidate? Choose()
    {
        if (_job.PinnedPrinterId is { } pinned)
        {
            return ChoosePinned(pinned);
        }

        Candidate? best = null;
        var matching = _fleet.Bucket(_filament);
        for (var i = 0; i < matching.Count; i++)
        {
            Consider(matching[i], swap: false, ref best);
        }

        if (MaySwap)
        {
            var free = _fleet.Free;
            for (var i = 0; i < free.Count; i++)
            {
                var p = free[i];
                if (_fleet.PrinterFilament[p] != _filament)
                {
                    Consider(p, swap: true, ref best);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Why this job, taken alone against the printers that are free, would stay queued (or <see cref="JobWaitReason.NextInLine"/>
    /// when a free printer would take it, so only more urgent jobs stand before it).
    /// </summary>
    public JobWait ExplainWait()
    {
        var material = _job.Material;
        var colour = _job.Colour;
        if (_job.PinnedPrinterId is { } pinned)
        {
            return Choose() is null
                ? new JobWait(JobWaitReason.PinnedPrinterBusy, material, colour, PrinterId: pinned)
                : new JobWait(JobWaitReason.NextInLine, material, colour);
        }

        if (Choose() is not null)
        {
            return new JobWait(JobWaitReason.NextInLine, material, colour);
        }

        var fits = false;
        var loadedFits = false;
        for (var p = 0; p < _fleet.Printers.Length; p++)
        {
            if (_fleet.Free.Contains(p) && _fleet.CanPrint(p, _job, _requirements))
            {
                fits = true;
                loadedFits |= _fleet.PrinterFilament[p] == _filament;
            }
        }

        if (!fits)
        {
            return new JobWait(JobWaitReason.NoPrinterFree, material, colour);
        }

        var ceiling = _job.QueuedAt + Settings.MaxHoldOut;
        if (!loadedFits)
        {
            // Free printers could print it after a swap: it waits for its filament until a swap is allowed, if ever.
            if (!Settings.AllowSwaps)
            {
                return new JobWait(JobWaitReason.NeedsFilament, material, colour);
            }

            var swapFrom = _job.ShipBy - _job.EstimatedPrintTime - Settings.SwapSlack;
            return new JobWait(JobWaitReason.NeedsFilament, material, colour, Until: swapFrom < ceiling ? swapFrom : ceiling);
        }

        var crossFrom = _job.ShipBy - _job.EstimatedPrintTime - Settings.CrossBorderSlack;
        var nearest = _destination is null ? null : _fleet.NearestCountryWithFilament(_destination, _filament);
        return new JobWait(JobWaitReason.HoldingOutForCloser, material, colour, Country: nearest ?? _destination, Until: crossFrom < ceiling ? crossFrom : ceiling);
    }

    public string Explain(Candidate chosen)
    {
        var printer = _fleet.Printers[chosen.Printer];
        var maker = _fleet.Makers[_fleet.PrinterMaker[chosen.Printer]];
        var urgency = (_job.Priority != 0 ? string.Create(CultureInfo.InvariantCulture, $"owner priority {_job.Priority}; ") : string.Empty)
            + (_job.Express ? "express; " : string.Empty);
        var slack = _slack - (chosen.Swap ? Settings.SwapTime : TimeSpan.Zero);
        var timing = slack >= TimeSpan.Zero
            ? $"ship-by {_job.ShipBy:yyyy-MM-dd HH:mm}Z, {Span(slack)} slack"
            : $"ship-by {_job.ShipBy:yyyy-MM-dd HH:mm}Z, will be {Span(-slack)} late: no printer could finish sooner";
        var who = _job.PinnedPrinterId is null
            ? $"printer {printer.Id} of maker {maker.Name} ({printer.CountryCode})"
            : $"pinned by the owner to printer {printer.Id} of maker {maker.Name} ({printer.CountryCode})";
        var where = _estimates is null
            ? "destination unknown"
            : chosen.Proximity switch
            {
                ShippingProximity.Domestic => $"ships domestic to {_destination}",
                ShippingProximity.SameCustomsTerritory => $"ships to {_destination} inside one customs territory",
                _ => _bestProximity == ShippingProximity.CrossBorder
                    ? $"crosses a customs border to {_destination} (no printer that could print it avoids it)"
                    : $"crosses a customs border to {_destination}, {(OrderMakers.Contains(_fleet.PrinterMaker[chosen.Printer]) ? "joining the order's parcel" : _job.Priority > 0 ? "moved up by the owner, so it does not wait for a closer printer" : HeldOutLongEnough ? $"waited {Span(Settings.MaxHoldOut)} for a closer printer, the most it may" : "too little slack to wait for a closer printer")}",
            };
        var cost = _estimates is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({chosen.CostMinor / 100m:0.00} shipping)");
        var order = OrderMakers.Count == 0 ? "first unit of its order to start"
            : chosen.NewMaker ? $"order also with {OrderMakers.Count} other maker(s): none of theirs was free"
            : "joins the order's other units at this maker";
        var swapWhy = _job.PinnedPrinterId is not null ? string.Empty
            : _fleet.LoadedInFleet(_filament) == 0 ? ": no online printer has it loaded"
            : _job.Priority > 0 ? ": moved up by the owner, so it does not wait for a printer that has it"
            : HeldOutLongEnough ? $": waited {Span(Settings.MaxHoldOut)} for a printer that has it, the most it may"
            : _filamentWait < TimeSpan.FromMinutes(1) ? ": too little slack to wait for a printer that has it"
            : $": about {Span(_filamentWait)} of more urgent work is queued for the printers that have it";
        var filament = chosen.Swap
            ? $"needs a filament swap from {Loaded(printer)} to {_job.Material}/{_job.Colour} (+{Span(Settings.SwapTime)}){swapWhy}"
            : $"{_job.Material}/{_job.Colour} already loaded";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{urgency}{timing}; {who}; {where}{cost}; {order}; {filament}; maker load {chosen.MakerBusy}/{chosen.MakerPrinters} printers busy");
    }

    private static string Loaded(Printer printer) =>
        printer.LoadedMaterial.Length == 0 ? "nothing" : $"{printer.LoadedMaterial}/{printer.LoadedColour}";

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h")
            : span.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(span.TotalMinutes)}m");

    private Candidate? ChoosePinned(string pinnedPrinterId)
    {
        // Not ready (or of an inactive maker), or already given a job in this pass: the job waits for it.
        if (_fleet.PrinterIndexOf(pinnedPrinterId) is not { } p || !_fleet.Free.Contains(p) || !_fleet.CanPrint(p, _job, _requirements))
        {
            return null;
        }

        var swap = _fleet.PrinterFilament[p] != _filament;
        return swap && !Settings.AllowSwaps ? null : Evaluate(p, swap);
    }

    private void Consider(int printer, bool swap, ref Candidate? best)
    {
        if (!_fleet.CanPrint(printer, _job, _requirements))
        {
            return;
        }

        var candidate = Evaluate(printer, swap);
        if (HoldsOutForCloser && candidate.Proximity > _bestProximity && !OrderMakers.Contains(_fleet.PrinterMaker[printer]))
        {
            return;
        }

        if (best is not { } current || candidate.IsBetterThan(current))
        {
            best = candidate;
        }
    }

    private Candidate Evaluate(int printer, bool swap)
    {
        var maker = _fleet.PrinterMaker[printer];
        var estimate = _estimates is null ? default : _estimates[_fleet.PrinterCountry[printer]];
        var finish = _snapshot.Now + _job.EstimatedPrintTime + (swap ? Settings.SwapTime : TimeSpan.Zero);
        return new Candidate(
            printer,
            LateTicks: Math.Max(0, (finish - _job.ShipBy).Ticks),
            NewMaker: OrderMakers.Count > 0 && !OrderMakers.Contains(maker),
            estimate.Proximity,
            swap,
            swap && _fleet.PrinterFilament[printer] >= 0 ? _demand[_fleet.PrinterFilament[printer]] : 0,
            estimate.CostMinor,
            _fleet.MakerBusy[maker],
            _fleet.MakerPrinters[maker]);
    }
}
