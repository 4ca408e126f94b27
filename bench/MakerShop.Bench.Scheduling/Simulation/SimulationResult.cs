namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>What one simulated month produced under one policy.</summary>
public sealed record SimulationResult(
    string Policy,
    int Seed,
    int Orders,
    int Units,
    double OnTimeRate,
    double MeanLatenessHours,
    double P95LatenessHours,
    double MakespanDays,
    double Utilisation,
    int FilamentSwaps,
    int Parcels,
    double CrossBorderShare,
    decimal ShippingCostEur,
    int FailedAttempts,
    int Outages,
    int DispatchPasses,
    TimeSpan WallTime);
