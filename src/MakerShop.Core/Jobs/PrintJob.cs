using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// One unit of one order line on its way through a printer. Status changes are driven partly by printer
/// telemetry, which repeats and arrives late, so every transition returns whether it changed anything and
/// repeating the transition that produced the current state is a harmless no-op.
/// </summary>
public sealed class PrintJob
{
    private const string Entity = "PrintJob";

    private PrintJob(
        string id,
        string orderId,
        int unitIndex,
        string productId,
        string material,
        string colour,
        Size3 partSize,
        TimeSpan estimatedPrintTime,
        string gcodePath,
        string gcodeSha256,
        long gcodeSizeBytes,
        DateTimeOffset shipBy,
        bool express,
        int attempt,
        int maxAttempts,
        PrintJobStatus status,
        string? printerId,
        DateTimeOffset queuedAt,
        DateTimeOffset? startedAt,
        DateTimeOffset? endedAt,
        string? failureReason,
        double? progress,
        DateTimeOffset updatedAt,
        JobDirectives directives,
        string? assignmentReason)
    {
        Id = id;
        OrderId = orderId;
        UnitIndex = unitIndex;
        ProductId = productId;
        Material = material;
        Colour = colour;
        PartSize = partSize;
        EstimatedPrintTime = estimatedPrintTime;
        GcodePath = gcodePath;
        GcodeSha256 = gcodeSha256;
        GcodeSizeBytes = gcodeSizeBytes;
        ShipBy = shipBy;
        Express = express;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
        Status = status;
        PrinterId = printerId;
        QueuedAt = queuedAt;
        StartedAt = startedAt;
        EndedAt = endedAt;
        FailureReason = failureReason;
        Progress = progress;
        UpdatedAt = updatedAt;
        PinnedPrinterId = directives.PinnedPrinterId;
        Held = directives.Held;
        Priority = directives.Priority;
        AssignmentReason = assignmentReason;
    }

    /// <summary>States in which the job occupies a printer.</summary>
    public static PrintJobStatus[] ActiveStates =>
        [PrintJobStatus.Assigned, PrintJobStatus.Transferring, PrintJobStatus.Printing, PrintJobStatus.Paused];

    public static PrintJobStatus[] TerminalStates =>
        [PrintJobStatus.Completed, PrintJobStatus.Failed, PrintJobStatus.Cancelled];

    public string Id { get; }

    public string OrderId { get; }

    /// <summary>0-based position of this unit among all units of the order.</summary>
    public int UnitIndex { get; }

    public string ProductId { get; }

    public string Material { get; }

    public string Colour { get; }

    public Size3 PartSize { get; }

    public TimeSpan EstimatedPrintTime { get; }

    /// <summary>Opaque key of the stored G-code; only the storage layer knows what it points at.</summary>
    public string GcodePath { get; }

    /// <summary>Lower-case hex; the bridge refuses a download whose hash differs.</summary>
    public string GcodeSha256 { get; }

    public long GcodeSizeBytes { get; }

    public DateTimeOffset ShipBy { get; }

    public bool Express { get; }

    /// <summary>1-based; a retry is a new job with the next attempt number.</summary>
    public int Attempt { get; }

    public int MaxAttempts { get; }

    public PrintJobStatus Status { get; private set; }

    /// <summary>The printer it is or was on; kept after the job ends so history shows where it ran.</summary>
    public string? PrinterId { get; private set; }

    public DateTimeOffset QueuedAt { get; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why the job failed or, while queued again, why a printer refused it.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>0..1 once printing has been reported; null before.</summary>
    public double? Progress { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The owner wants this job on that printer and no other; it waits for it.</summary>
    public string? PinnedPrinterId { get; private set; }

    /// <summary>The owner holds the job back: the scheduler leaves it in the queue until released.</summary>
    public bool Held { get; private set; }

    /// <summary>The owner's place for the job in the queue: higher runs first, whatever the deadlines say; 0 by default.</summary>
    public int Priority { get; private set; }

    /// <summary>Why the scheduler sent the job to its printer, in words the owner reads in the queue.</summary>
    public string? AssignmentReason { get; private set; }

    /// <summary>
    /// The printer model its G-code was sliced for (a quoted part's slice), or null when any printer the part fits
    /// will do. The scheduler sends the job only to printers of that model.
    /// </summary>
    public PrinterModel? RequiredPrinterModel { get; private set; }

    public bool IsTerminal => Status is PrintJobStatus.Completed or PrintJobStatus.Failed or PrintJobStatus.Cancelled;

    public bool IsActive => Status is PrintJobStatus.Assigned or PrintJobStatus.Transferring or PrintJobStatus.Printing or PrintJobStatus.Paused;

    public bool CanRetry => Status == PrintJobStatus.Failed && Attempt < MaxAttempts;

    public static PrintJob Create(
        string id,
        string orderId,
        int unitIndex,
        string productId,
        string material,
        string colour,
        Size3 partSize,
        TimeSpan estimatedPrintTime,
        string gcodePath,
        string gcodeSha256,
        long gcodeSizeBytes,
        DateTimeOffset shipBy,
        bool express,
        int maxAttempts,
        DateTimeOffset queuedAt) =>
        CreateAttempt(
            id, orderId, unitIndex, productId, material, colour, partSize, estimatedPrintTime, gcodePath,
            gcodeSha256, gcodeSizeBytes, shipBy, express, attempt: 1, maxAttempts, queuedAt);

    /// <summary>Rebuilds a job from storage as it was saved; no rule is re-checked.</summary>
    public static PrintJob Restore(
        string id,
        string orderId,
        int unitIndex,
        string productId,
        string material,
        string colour,
        Size3 partSize,
        TimeSpan estimatedPrintTime,
        string gcodePath,
        string gcodeSha256,
        long gcodeSizeBytes,
        DateTimeOffset shipBy,
        bool express,
        int attempt,
        int maxAttempts,
        PrintJobStatus status,
        string? printerId,
        DateTimeOffset queuedAt,
        DateTimeOffset? startedAt,
        DateTimeOffset? endedAt,
        string? failureReason,
        double? progress,
        DateTimeOffset updatedAt,
        JobDirectives? directives = null,
        string? assignmentReason = null,
        PrinterModel? requiredPrinterModel = null) =>
        new(
            id, orderId, unitIndex, productId, material, colour, partSize, estimatedPrintTime, gcodePath,
            gcodeSha256, gcodeSizeBytes, shipBy, express, attempt, maxAttempts, status, printerId, queuedAt,
            startedAt, endedAt, failureReason, progress, updatedAt, directives ?? JobDirectives.None, assignmentReason)
        {
            RequiredPrinterModel = requiredPrinterModel,
        };

    /// <summary>
    /// Ties a new job to the printer model its G-code was sliced for. Only before it is first assigned, and the
    /// part must fit that model.
    /// </summary>
    public PrintJob RequirePrinterModel(PrinterModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Status != PrintJobStatus.Queued || PrinterId is not null)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), Status.ToString(), "the printer model is chosen before the job is first assigned");
        }

        if (!PartSize.FitsWithin(model.BuildVolume))
        {
            throw new DomainValidationException("printerModel", $"At {PartSize} the part does not fit the {model.Name} ({model.BuildVolume}).");
        }

        RequiredPrinterModel = model;
        return this;
    }

    /// <summary>Queued -> Assigned, with the scheduler's reason. Assigning again to the same printer is a no-op.</summary>
    public bool Assign(string printerId, DateTimeOffset at, string? reason = null)
    {
        Guard.NotBlank(printerId, "printerId", "The printer id");
        if (Status == PrintJobStatus.Assigned && string.Equals(PrinterId, printerId, StringComparison.Ordinal))
        {
            return false;
        }

        Require(PrintJobStatus.Assigned, PrintJobStatus.Queued);
        if (Held)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), nameof(PrintJobStatus.Assigned), "the owner holds it");
        }

        if (PinnedPrinterId is not null && !string.Equals(PinnedPrinterId, printerId, StringComparison.Ordinal))
        {
            throw new InvalidTransitionException(
                Entity, Id, Status.ToString(), nameof(PrintJobStatus.Assigned), $"it is pinned to printer {PinnedPrinterId}");
        }

        PrinterId = printerId;
        AssignmentReason = reason;
        return MoveTo(PrintJobStatus.Assigned, at);
    }

    /// <summary>Keeps a queued job for one printer (or frees it again with null).</summary>
    public bool Pin(string? printerId, DateTimeOffset at)
    {
        if (printerId is not null)
        {
            Guard.NotBlank(printerId, "printerId", "The printer id");
        }

        if (string.Equals(PinnedPrinterId, printerId, StringComparison.Ordinal))
        {
            return false;
        }

        RequireQueued("pinned");
        PinnedPrinterId = printerId;
        UpdatedAt = at;
        return true;
    }

    /// <summary>The owner holds a queued job back (true) or releases it to the scheduler (false).</summary>
    public bool SetHeld(bool held, DateTimeOffset at)
    {
        if (Held == held)
        {
            return false;
        }

        RequireQueued(held ? "held" : "released");
        Held = held;
        UpdatedAt = at;
        return true;
    }

    /// <summary>The owner moves a queued job up (higher) or down (lower) the queue.</summary>
    public bool SetPriority(int priority, DateTimeOffset at)
    {
        if (priority is < OwnerPriority.Lowest or > OwnerPriority.Highest)
        {
            throw new DomainValidationException(
                "priority", string.Create(CultureInfo.InvariantCulture, $"The priority must be between {OwnerPriority.Lowest} and {OwnerPriority.Highest} (got {priority})."));
        }

        if (Priority == priority)
        {
            return false;
        }

        RequireQueued("moved in the queue");
        Priority = priority;
        UpdatedAt = at;
        return true;
    }

    /// <summary>
    /// The owner prints a unit again after it failed for good (or the owner cancelled it): a new Queued attempt even
    /// when the automatic attempts are used up, keeping the old one as history. The owner's priority and pin carry over.
    /// </summary>
    public PrintJob CreateOwnerRequeue(string newId, DateTimeOffset at)
    {
        if (Status is not (PrintJobStatus.Failed or PrintJobStatus.Cancelled))
        {
            throw new InvalidTransitionException(
                Entity, Id, Status.ToString(), nameof(PrintJobStatus.Queued), "only a failed or cancelled job is requeued");
        }

        var requeued = CreateAttempt(
            newId, OrderId, UnitIndex, ProductId, Material, Colour, PartSize, EstimatedPrintTime, GcodePath,
            GcodeSha256, GcodeSizeBytes, ShipBy, Express, Attempt + 1, Math.Max(MaxAttempts, Attempt + 1), at);
        requeued.PinnedPrinterId = PinnedPrinterId;
        requeued.Priority = Priority;
        return requeued;
    }

    /// <summary>Assigned -> Queued: the printer refused the job, so it goes back for another printer.</summary>
    public bool Unassign(string reason, DateTimeOffset at)
    {
        Guard.NotBlank(reason, "reason", "The reason");
        if (Status == PrintJobStatus.Queued && PrinterId is null)
        {
            return false;
        }

        Require(PrintJobStatus.Queued, PrintJobStatus.Assigned);
        PrinterId = null;
        AssignmentReason = null;
        FailureReason = reason;
        return MoveTo(PrintJobStatus.Queued, at);
    }

    public bool BeginTransfer(DateTimeOffset at)
    {
        if (Status == PrintJobStatus.Transferring)
        {
            return false;
        }

        Require(PrintJobStatus.Transferring, PrintJobStatus.Assigned);
        return MoveTo(PrintJobStatus.Transferring, at);
    }

    /// <summary>Assigned|Transferring -> Printing. A bridge may skip the transfer report, hence Assigned.</summary>
    public bool StartPrinting(DateTimeOffset at)
    {
        if (Status == PrintJobStatus.Printing)
        {
            return false;
        }

        Require(PrintJobStatus.Printing, PrintJobStatus.Assigned, PrintJobStatus.Transferring);
        StartedAt ??= at;
        Progress ??= 0;
        // A refusal by an earlier printer no longer describes a job that is printing.
        FailureReason = null;
        return MoveTo(PrintJobStatus.Printing, at);
    }

    /// <summary>
    /// Records progress while Printing or Paused, clamped to 0..1. Progress never goes backwards, because
    /// telemetry can arrive out of order. A report after the job ended is stale and ignored (false).
    /// </summary>
    public bool ReportProgress(double progress, DateTimeOffset at)
    {
        if (double.IsNaN(progress))
        {
            throw new DomainValidationException("progress", "Progress must be a number between 0 and 1.");
        }

        if (IsTerminal)
        {
            return false;
        }

        if (Status is not (PrintJobStatus.Printing or PrintJobStatus.Paused))
        {
            throw new InvalidTransitionException(
                Entity, Id, Status.ToString(), nameof(PrintJobStatus.Printing), "progress is only accepted while printing or paused");
        }

        var clamped = Math.Clamp(progress, 0, 1);
        if (Progress is { } current && clamped <= current)
        {
            return false;
        }

        Progress = clamped;
        UpdatedAt = at;
        return true;
    }

    public bool Pause(DateTimeOffset at)
    {
        if (Status == PrintJobStatus.Paused)
        {
            return false;
        }

        Require(PrintJobStatus.Paused, PrintJobStatus.Printing);
        return MoveTo(PrintJobStatus.Paused, at);
    }

    public bool Resume(DateTimeOffset at)
    {
        if (Status == PrintJobStatus.Printing)
        {
            return false;
        }

        Require(PrintJobStatus.Printing, PrintJobStatus.Paused);
        return MoveTo(PrintJobStatus.Printing, at);
    }

    /// <summary>
    /// Any active state -> Completed. The printer is the truth: if it says the part is done, a missed
    /// "started" or "transferring" event must not keep the order from shipping.
    /// </summary>
    public bool Complete(DateTimeOffset at)
    {
        if (Status == PrintJobStatus.Completed)
        {
            return false;
        }

        RequireActive(PrintJobStatus.Completed);
        Progress = 1;
        EndedAt = at;
        FailureReason = null;
        return MoveTo(PrintJobStatus.Completed, at);
    }

    public bool Fail(string reason, DateTimeOffset at)
    {
        Guard.NotBlank(reason, "reason", "The failure reason");
        if (Status == PrintJobStatus.Failed)
        {
            return false;
        }

        RequireActive(PrintJobStatus.Failed);
        FailureReason = reason;
        EndedAt = at;
        return MoveTo(PrintJobStatus.Failed, at);
    }

    public bool Cancel(DateTimeOffset at)
    {
        if (Status == PrintJobStatus.Cancelled)
        {
            return false;
        }

        if (Status != PrintJobStatus.Queued)
        {
            RequireActive(PrintJobStatus.Cancelled);
        }

        EndedAt = at;
        return MoveTo(PrintJobStatus.Cancelled, at);
    }

    /// <summary>
    /// The next attempt of a failed job: a new Queued job for the same unit and model. The failed job stays
    /// as it is, so the history of every attempt survives.
    /// </summary>
    public PrintJob CreateRetry(string newId, DateTimeOffset at)
    {
        if (Status != PrintJobStatus.Failed)
        {
            throw new InvalidTransitionException(
                Entity, Id, Status.ToString(), nameof(PrintJobStatus.Queued), "only a failed job is retried");
        }

        if (!CanRetry)
        {
            throw new InvalidTransitionException(
                Entity,
                Id,
                Status.ToString(),
                nameof(PrintJobStatus.Queued),
                string.Create(CultureInfo.InvariantCulture, $"all {MaxAttempts} attempts are used"));
        }

        var retry = CreateAttempt(
            newId, OrderId, UnitIndex, ProductId, Material, Colour, PartSize, EstimatedPrintTime, GcodePath,
            GcodeSha256, GcodeSizeBytes, ShipBy, Express, Attempt + 1, MaxAttempts, at);

        // The owner's pin and priority still stand for the next attempt; a hold was about the queued job, which ran. The
        // G-code is the same, so it still needs the model it was sliced for.
        retry.PinnedPrinterId = PinnedPrinterId;
        retry.Priority = Priority;
        retry.RequiredPrinterModel = RequiredPrinterModel;
        return retry;
    }

    private static PrintJob CreateAttempt(
        string id,
        string orderId,
        int unitIndex,
        string productId,
        string material,
        string colour,
        Size3 partSize,
        TimeSpan estimatedPrintTime,
        string gcodePath,
        string gcodeSha256,
        long gcodeSizeBytes,
        DateTimeOffset shipBy,
        bool express,
        int attempt,
        int maxAttempts,
        DateTimeOffset queuedAt)
    {
        PrintJobValidation.Validate(
            id, orderId, unitIndex, productId, material, colour, partSize, estimatedPrintTime, gcodePath, gcodeSizeBytes,
            attempt, maxAttempts);
        return new PrintJob(
            id, orderId, unitIndex, productId, material, colour, partSize, estimatedPrintTime, gcodePath,
            PrintJobValidation.NormaliseSha256(gcodeSha256), gcodeSizeBytes, shipBy, express, attempt, maxAttempts,
            PrintJobStatus.Queued, printerId: null, queuedAt, startedAt: null, endedAt: null, failureReason: null,
            progress: null, updatedAt: queuedAt, JobDirectives.None, assignmentReason: null);
    }

    private void Require(PrintJobStatus target, params PrintJobStatus[] allowedFrom)
    {
        if (Array.IndexOf(allowedFrom, Status) < 0)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), target.ToString());
        }
    }

    private void RequireQueued(string what)
    {
        if (Status != PrintJobStatus.Queued)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), Status.ToString(), $"only a queued job can be {what}");
        }
    }

    private void RequireActive(PrintJobStatus target)
    {
        if (!IsActive)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), target.ToString());
        }
    }

    private bool MoveTo(PrintJobStatus target, DateTimeOffset at)
    {
        Status = target;
        UpdatedAt = at;
        return true;
    }
}
