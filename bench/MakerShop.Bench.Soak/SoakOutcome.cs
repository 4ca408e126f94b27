namespace MakerShop.Bench.Soak;

/// <summary>What the end check found in the database.</summary>
public sealed record SoakOutcome(
    int OrdersAccepted,
    int OrdersMissing,
    int StrayOrders,
    int CorruptStored,
    int Units,
    int UnitsPrintedOnce,
    int UnitsFailedWithReason,
    int Lost,
    int Duplicates,
    int PrintAttempts,
    int FailedAttempts,
    int StuckJobs,
    int QueuedJobs,
    int OrdersUnfinished,
    IReadOnlyDictionary<string, int> OrdersByStatus,
    IReadOnlyDictionary<string, int> FailureReasons);
