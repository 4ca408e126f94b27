namespace MakerShop.Core;

/// <summary>
/// A printer as the shop sees it. Telemetry repeats and races the shop's own commands, so each method
/// returns whether it changed anything and a repeat of the current state is a no-op, while a move the
/// printer could not have made throws <see cref="InvalidTransitionException"/>.
/// </summary>
public sealed class Printer
{
    public const int MinIdLength = 3;
    public const int MaxIdLength = 40;

    private const string Entity = "Printer";

    private Printer(
        string id,
        string name,
        PrinterKind kind,
        Size3 buildVolume,
        double nozzleDiameter,
        string loadedMaterial,
        string loadedColour,
        string countryCode,
        bool autoEject,
        bool inService,
        PrinterStatus status,
        string? currentJobId,
        string? statusReason,
        DateTimeOffset? lastSeenAt,
        DateTimeOffset updatedAt,
        PrinterEquipment equipment,
        bool bedClear)
    {
        Id = id;
        Name = name;
        Kind = kind;
        BuildVolume = buildVolume;
        NozzleDiameter = nozzleDiameter;
        LoadedMaterial = loadedMaterial;
        LoadedColour = loadedColour;
        CountryCode = countryCode;
        AutoEject = autoEject;
        InService = inService;
        Status = status;
        CurrentJobId = currentJobId;
        StatusReason = statusReason;
        LastSeenAt = lastSeenAt;
        UpdatedAt = updatedAt;
        MakerId = equipment.MakerId;
        Enclosed = equipment.Enclosed;
        HardenedNozzle = equipment.HardenedNozzle;
        BedClear = bedClear;
    }

    /// <summary>States in which the printer is connected and reporting.</summary>
    public static PrinterStatus[] OnlineStates =>
        [PrinterStatus.Idle, PrinterStatus.NeedsBedClear, PrinterStatus.Busy, PrinterStatus.Paused, PrinterStatus.Error];

    /// <summary>[a-z0-9-]{3,40}: the id is also an MQTT username and topic segment.</summary>
    public string Id { get; }

    public string Name { get; }

    public PrinterKind Kind { get; }

    public Size3 BuildVolume { get; }

    /// <summary>Millimetres.</summary>
    public double NozzleDiameter { get; }

    /// <summary>Empty when nothing is loaded.</summary>
    public string LoadedMaterial { get; private set; }

    public string LoadedColour { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 of where the printer stands; decides whether a shipment crosses a border.</summary>
    public string CountryCode { get; }

    /// <summary>The printer clears its own bed, so a finished job leaves it Idle, not NeedsBedClear.</summary>
    public bool AutoEject { get; }

    public bool InService { get; private set; }

    /// <summary>The maker who runs it; their country is where its parts ship from.</summary>
    public string MakerId { get; }

    public bool Enclosed { get; }

    public bool HardenedNozzle { get; }

    /// <summary>
    /// Nothing is on the bed. A finished print leaves the part there (unless the printer ejects it), and the printer
    /// takes no job until the maker or the printer confirms the bed is clear; the flag survives going offline.
    /// </summary>
    public bool BedClear { get; private set; }

    public PrinterStatus Status { get; private set; }

    public string? CurrentJobId { get; private set; }

    /// <summary>Why the printer is in Error; cleared by any move out of Error.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset? LastSeenAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether the scheduler may give it a job.</summary>
    public bool IsReady => Status == PrinterStatus.Idle && InService && BedClear;

    public bool IsOnline => Status != PrinterStatus.Offline;

    /// <summary>The printer is printing (or holds paused) something the shop did not send: it is taken, and its bed will need a look.</summary>
    public bool IsPrintingUnsent => Status is PrinterStatus.Busy or PrinterStatus.Paused && CurrentJobId is null;

    /// <summary>What decides which actions a person may take on the printer now.</summary>
    public PrinterControlState ControlState => new(Status, CurrentJobId is not null, BedClear, InService);

    public static bool IsValidId(string? id) =>
        id is { Length: >= MinIdLength and <= MaxIdLength }
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static Printer Register(
        string id,
        string name,
        PrinterKind kind,
        Size3 buildVolume,
        double nozzleDiameter,
        string loadedMaterial,
        string loadedColour,
        string countryCode,
        bool autoEject,
        DateTimeOffset registeredAt,
        PrinterEquipment? equipment = null)
    {
        if (!IsValidId(id))
        {
            throw new DomainValidationException(
                "id",
                $"A printer id is {MinIdLength}-{MaxIdLength} characters of a-z, 0-9 and '-' (it is used as an MQTT username and topic segment).");
        }

        Guard.NotBlank(name, "name", "The printer's name");
        if (!Enum.IsDefined(kind))
        {
            throw new DomainValidationException("kind", $"'{kind}' is not a printer kind.");
        }

        if (!buildVolume.IsPositive)
        {
            throw new DomainValidationException("buildVolume", "The build volume must be positive in every direction.");
        }

        if (!double.IsFinite(nozzleDiameter) || nozzleDiameter <= 0)
        {
            throw new DomainValidationException("nozzleDiameter", "The nozzle diameter must be a positive number of millimetres.");
        }

        ValidateFilament(loadedMaterial, loadedColour);
        if (!Guard.IsCountryCode(countryCode))
        {
            throw new DomainValidationException("countryCode", $"'{countryCode}' is not an ISO 3166-1 alpha-2 country code.");
        }

        var kit = equipment ?? PrinterEquipment.Default;
        if (string.IsNullOrWhiteSpace(kit.MakerId))
        {
            throw new DomainValidationException("makerId", "The printer's maker is required.");
        }

        return new Printer(
            id, name.Trim(), kind, buildVolume, nozzleDiameter, loadedMaterial.Trim(), loadedColour.Trim(), countryCode,
            autoEject, inService: true, PrinterStatus.Offline, currentJobId: null, statusReason: null, lastSeenAt: null,
            registeredAt, kit, bedClear: true);
    }

    /// <summary>Rebuilds a printer from storage as it was saved; no rule is re-checked.</summary>
    public static Printer Restore(
        string id,
        string name,
        PrinterKind kind,
        Size3 buildVolume,
        double nozzleDiameter,
        string loadedMaterial,
        string loadedColour,
        string countryCode,
        bool autoEject,
        bool inService,
        PrinterStatus status,
        string? currentJobId,
        string? statusReason,
        DateTimeOffset? lastSeenAt,
        DateTimeOffset updatedAt,
        PrinterEquipment? equipment = null,
        bool? bedClear = null) =>
        new(
            id, name, kind, buildVolume, nozzleDiameter, loadedMaterial, loadedColour, countryCode, autoEject,
            inService, status, currentJobId, statusReason, lastSeenAt, updatedAt, equipment ?? PrinterEquipment.Default,
            bedClear ?? status != PrinterStatus.NeedsBedClear);

    /// <summary>Idle -> Busy: the dispatcher holds the printer for a job before telling the driver.</summary>
    public bool Reserve(string jobId, DateTimeOffset at)
    {
        Guard.NotBlank(jobId, "jobId", "The job id");
        if (Status == PrinterStatus.Busy && string.Equals(CurrentJobId, jobId, StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsReady)
        {
            throw new InvalidTransitionException(
                Entity, Id, Status.ToString(), nameof(PrinterStatus.Busy), InService ? "it is not idle" : "it is out of service");
        }

        CurrentJobId = jobId;
        return MoveTo(PrinterStatus.Busy, at);
    }

    /// <summary>Busy -> Idle: the printer refused the reserved job, so it is free again.</summary>
    public bool Release(DateTimeOffset at)
    {
        if (Status == PrinterStatus.Idle && CurrentJobId is null)
        {
            return false;
        }

        Require(PrinterStatus.Idle, PrinterStatus.Busy);
        CurrentJobId = null;
        return MoveTo(PrinterStatus.Idle, at);
    }

    /// <summary>
    /// Offline -> Idle, or NeedsBedClear when the bed is not known to be clear. A printer that went offline
    /// holding a job comes back Busy: the job was not assumed lost, and the printer will report how it ended.
    /// </summary>
    /// <param name="bedClear">What the printer says of its bed. It can say the bed is taken, never that it is clear:
    /// a reconnect or a restart forgets what is on the bed, so only a person's confirmation clears it.</param>
    public bool MarkOnline(bool bedClear, DateTimeOffset at)
    {
        RecordSeen(at);
        if (Status != PrinterStatus.Offline)
        {
            return false;
        }

        bedClear = BedClear && bedClear;
        BedClear = bedClear;
        var target = CurrentJobId is not null ? PrinterStatus.Busy
            : bedClear ? PrinterStatus.Idle
            : PrinterStatus.NeedsBedClear;
        return MoveTo(target, at);
    }

    /// <summary>Any -> Offline. CurrentJobId is kept: a print may well carry on while the network is down.</summary>
    public bool MarkOffline(DateTimeOffset at)
    {
        if (Status == PrinterStatus.Offline)
        {
            return false;
        }

        return MoveTo(PrinterStatus.Offline, at);
    }

    /// <summary>The printer reports it is printing <paramref name="jobId"/>; what it says wins over a reservation.</summary>
    public bool MarkPrinting(string jobId, DateTimeOffset at)
    {
        Guard.NotBlank(jobId, "jobId", "The job id");
        RecordSeen(at);
        if (Status == PrinterStatus.Busy && string.Equals(CurrentJobId, jobId, StringComparison.Ordinal))
        {
            return false;
        }

        Require(PrinterStatus.Busy, PrinterStatus.Idle, PrinterStatus.Busy, PrinterStatus.Paused, PrinterStatus.Offline);
        CurrentJobId = jobId;
        return MoveTo(PrinterStatus.Busy, at);
    }

    public bool MarkPaused(DateTimeOffset at)
    {
        RecordSeen(at);
        if (Status == PrinterStatus.Paused)
        {
            return false;
        }

        Require(PrinterStatus.Paused, PrinterStatus.Busy);
        return MoveTo(PrinterStatus.Paused, at);
    }

    /// <summary>
    /// The printer reports a print the shop did not send (started at the machine or on its own server): it is taken
    /// until that print ends, and what it leaves on the bed needs a person's look.
    /// </summary>
    public bool MarkPrintingUnsent(DateTimeOffset at)
    {
        RecordSeen(at);
        if (Status == PrinterStatus.Busy && CurrentJobId is null)
        {
            return false;
        }

        if (CurrentJobId is not null)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), nameof(PrinterStatus.Busy), "it holds a job of the shop");
        }

        Require(PrinterStatus.Busy, PrinterStatus.Idle, PrinterStatus.NeedsBedClear, PrinterStatus.Paused, PrinterStatus.Offline);
        BedClear = false;
        return MoveTo(PrinterStatus.Busy, at);
    }

    /// <summary>
    /// Whether a print that ended this way leaves the printer waiting for a person to confirm its bed is clear: every
    /// ending does, except a completed print on a printer that ejects its own parts.
    /// </summary>
    public bool BedNeedsConfirmingAfter(PrintEnding ending) => !(ending == PrintEnding.Completed && AutoEject);

    /// <summary>
    /// The print on the printer ended (<paramref name="ending"/>): the printer is free of it, and takes no job until its
    /// bed is confirmed clear unless <see cref="BedNeedsConfirmingAfter"/> says the ending left it clear.
    /// </summary>
    public bool FinishJob(PrintEnding ending, DateTimeOffset at)
    {
        RecordSeen(at);
        if (!Enum.IsDefined(ending))
        {
            throw new DomainValidationException("ending", $"'{ending}' is not a way a print ends.");
        }

        if (CurrentJobId is null && !IsPrintingUnsent)
        {
            return false;
        }

        var bedClear = !BedNeedsConfirmingAfter(ending);
        if (Status is PrinterStatus.Error or PrinterStatus.Offline)
        {
            // A fault usually ends the job, and an end can be learned while the printer is away (a queued event after a
            // restart): either way the status stays until someone clears the fault or the printer reports, so nothing
            // is sent to a printer that is broken or may not be there. The ending can only make the bed less clear.
            CurrentJobId = null;
            BedClear = BedClear && bedClear;
            UpdatedAt = at;
            return true;
        }

        var target = bedClear ? PrinterStatus.Idle : PrinterStatus.NeedsBedClear;
        Require(target, PrinterStatus.Busy, PrinterStatus.Paused);
        CurrentJobId = null;
        BedClear = bedClear;
        return MoveTo(target, at);
    }

    /// <summary>
    /// The printer refused the job it was reserved for: whatever state it is in, it no longer holds that job,
    /// and a reservation (Busy) is lifted.
    /// </summary>
    public bool DropJob(string jobId, DateTimeOffset at)
    {
        if (!string.Equals(CurrentJobId, jobId, StringComparison.Ordinal))
        {
            return false;
        }

        CurrentJobId = null;
        UpdatedAt = at;
        if (Status == PrinterStatus.Busy)
        {
            MoveTo(PrinterStatus.Idle, at);
        }

        return true;
    }

    /// <summary>Idle -> NeedsBedClear: the printer says something is still on its bed, so it takes no job until cleared.</summary>
    public bool ReportBedOccupied(DateTimeOffset at)
    {
        RecordSeen(at);
        if (Status == PrinterStatus.NeedsBedClear)
        {
            return false;
        }

        Require(PrinterStatus.NeedsBedClear, PrinterStatus.Idle);
        BedClear = false;
        return MoveTo(PrinterStatus.NeedsBedClear, at);
    }

    /// <summary>
    /// NeedsBedClear -> Idle: a person took the part off. The only way a bed becomes clear again after any ending but an
    /// auto-ejected completion. A printer in Error or Offline keeps its status and only has its bed marked clear.
    /// </summary>
    public bool ConfirmBedClear(DateTimeOffset at)
    {
        if (Status == PrinterStatus.Idle && BedClear)
        {
            return false;
        }

        if (Status is PrinterStatus.Error or PrinterStatus.Offline)
        {
            if (BedClear)
            {
                return false;
            }

            BedClear = true;
            UpdatedAt = at;
            return true;
        }

        Require(PrinterStatus.Idle, PrinterStatus.NeedsBedClear, PrinterStatus.Idle);
        BedClear = true;
        return MoveTo(PrinterStatus.Idle, at);
    }

    public bool Fault(string reason, DateTimeOffset at)
    {
        Guard.NotBlank(reason, "reason", "The fault reason");
        RecordSeen(at);
        if (Status == PrinterStatus.Error && string.Equals(StatusReason, reason, StringComparison.Ordinal))
        {
            return false;
        }

        StatusReason = reason;
        return MoveTo(PrinterStatus.Error, at);
    }

    /// <summary>
    /// Error -> Idle, or NeedsBedClear when its bed is not known to be clear: someone fixed the printer, so whatever job
    /// it held is no longer on it, and a job that was on it when it faulted may have left plastic on the bed.
    /// </summary>
    public bool ClearFault(DateTimeOffset at)
    {
        Require(PrinterStatus.Idle, PrinterStatus.Error);
        if (CurrentJobId is not null)
        {
            BedClear = false;
        }

        CurrentJobId = null;
        return MoveTo(BedClear ? PrinterStatus.Idle : PrinterStatus.NeedsBedClear, at);
    }

    /// <summary>Stops new work without touching the status: a job already on it finishes normally.</summary>
    public bool TakeOutOfService(DateTimeOffset at)
    {
        if (!InService)
        {
            return false;
        }

        InService = false;
        UpdatedAt = at;
        return true;
    }

    public bool ReturnToService(DateTimeOffset at)
    {
        if (InService)
        {
            return false;
        }

        InService = true;
        UpdatedAt = at;
        return true;
    }

    /// <summary>The maker swapped the spool. Allowed while printing: it only matters for the next job.</summary>
    public bool LoadFilament(string material, string colour, DateTimeOffset at)
    {
        ValidateFilament(material, colour);
        material = material.Trim();
        colour = colour.Trim();
        if (string.Equals(material, LoadedMaterial, StringComparison.Ordinal)
            && string.Equals(colour, LoadedColour, StringComparison.Ordinal))
        {
            return false;
        }

        LoadedMaterial = material;
        LoadedColour = colour;
        UpdatedAt = at;
        return true;
    }

    /// <summary>Any telemetry counts as a sign of life; this changes no state.</summary>
    public void RecordSeen(DateTimeOffset at)
    {
        if (LastSeenAt is null || at > LastSeenAt)
        {
            LastSeenAt = at;
        }
    }

    private static void ValidateFilament(string? material, string? colour)
    {
        // Empty means nothing is loaded; such a printer simply never matches a job.
        if (material is null)
        {
            throw new DomainValidationException("loadedMaterial", "The loaded material is required (empty when none).");
        }

        if (colour is null)
        {
            throw new DomainValidationException("loadedColour", "The loaded colour is required (empty when none).");
        }
    }

    private void Require(PrinterStatus target, params PrinterStatus[] allowedFrom)
    {
        if (Array.IndexOf(allowedFrom, Status) < 0)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), target.ToString());
        }
    }

    private bool MoveTo(PrinterStatus target, DateTimeOffset at)
    {
        if (target != PrinterStatus.Error)
        {
            // The reason explains an error; a printer that left it must not go on showing it.
            StatusReason = null;
        }

        Status = target;
        UpdatedAt = at;
        return true;
    }
}
