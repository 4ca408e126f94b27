namespace MakerShop.Core.Tests;

/// <summary>A farm and a queue to schedule: makers in countries, their printers, jobs of orders shipping somewhere.</summary>
internal sealed class Scenario
{
    public static readonly DateTimeOffset Now = Build.T0;

    private readonly List<Maker> _makers = [];
    private readonly List<Printer> _printers = [];
    private readonly List<PrintJob> _jobs = [];
    private readonly Dictionary<string, SchedulingOrder> _orders = new(StringComparer.Ordinal);

    public SchedulingSettings Settings { get; set; } = SchedulingSettings.Default;

    public Scenario Maker(string id, string country, bool active = true)
    {
        var maker = Core.Maker.Create(id, "Maker " + id, country, Now);
        if (!active)
        {
            maker.Deactivate(Now);
        }

        _makers.Add(maker);
        return this;
    }

    public Scenario Printer(
        string id,
        string maker = "m-de",
        string material = "PLA",
        string colour = "black",
        Size3? volume = null,
        PrinterStatus status = PrinterStatus.Idle,
        bool inService = true,
        bool bedClear = true,
        bool enclosed = false,
        bool hardenedNozzle = false,
        string? currentJobId = null)
    {
        var country = _makers.Single(m => m.Id == maker).CountryCode;
        _printers.Add(Core.Printer.Restore(
            id, "Printer " + id, PrinterKind.FirmwareBridge, volume ?? new Size3(250, 210, 210), 0.4, material, colour, country,
            autoEject: false, inService, status, currentJobId ?? (status is PrinterStatus.Busy ? "job-elsewhere" : null), null, Now, Now,
            new PrinterEquipment(maker, enclosed, hardenedNozzle), bedClear));
        return this;
    }

    public Scenario Job(
        string id,
        string order = "ord-1",
        string destination = "DE",
        string material = "PLA",
        string colour = "black",
        Size3? size = null,
        TimeSpan? printTime = null,
        TimeSpan? shipIn = null,
        bool express = false,
        TimeSpan? queuedAgo = null,
        string? pinnedTo = null,
        bool held = false,
        PrinterModel? printerModel = null,
        params string[] orderMakers)
    {
        var job = PrintJob.Create(
            id, order, _jobs.Count(j => j.OrderId == order), "prod-1", material, colour, size ?? new Size3(50, 40, 30),
            printTime ?? TimeSpan.FromHours(2), $"gcode/{id}.gcode", Build.Sha, 1000, Now + (shipIn ?? TimeSpan.FromDays(5)), express, 3,
            Now - (queuedAgo ?? TimeSpan.FromMinutes(10)));
        if (printerModel is not null)
        {
            job.RequirePrinterModel(printerModel);
        }

        if (pinnedTo is not null)
        {
            job.Pin(pinnedTo, Now);
        }

        if (held)
        {
            job.SetHeld(true, Now);
        }

        _jobs.Add(job);
        if (!_orders.ContainsKey(order) || orderMakers.Length > 0)
        {
            _orders[order] = new SchedulingOrder(order, destination, orderMakers);
        }

        return this;
    }

    /// <summary>The owner moves a queued job up (positive) or down (negative).</summary>
    public Scenario Prioritise(string jobId, int priority)
    {
        _jobs.Single(j => j.Id == jobId).SetPriority(priority, Now);
        return this;
    }

    public SchedulingSnapshot Snapshot() =>
        new(Now, [.. _jobs], [.. _printers], [.. _makers], new Dictionary<string, SchedulingOrder>(_orders), ProximityShippingEstimates.Typical, Settings);

    public IReadOnlyList<JobAssignment> Run(ISchedulingPolicy? policy = null) => (policy ?? new ShipOnTimeSchedulingPolicy()).Schedule(Snapshot());

    /// <summary>The printer the job went to, or null when it stayed queued.</summary>
    public string? PrinterOf(string jobId, ISchedulingPolicy? policy = null) =>
        Run(policy).SingleOrDefault(a => a.JobId == jobId)?.PrinterId;

    /// <summary>The usual farm: makers in Germany, France (both EU), the UK and the US.</summary>
    public static Scenario Farm() =>
        new Scenario().Maker("m-de", "DE").Maker("m-fr", "FR").Maker("m-gb", "GB").Maker("m-us", "US");
}
