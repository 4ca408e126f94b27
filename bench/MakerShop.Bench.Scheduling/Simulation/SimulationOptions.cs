namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>The simulated month: fleet, demand and disturbances. Defaults are the figures in docs/benchmarks.md.</summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 1;

    public int Orders { get; init; } = 2000;

    public int Days { get; init; } = 30;

    public double MeanPrintHours { get; init; } = 8.5;

    public double FailureRate { get; init; } = 0.05;

    public int StandardLeadDays { get; init; } = 4;

    public int ExpressLeadDays { get; init; } = 2;

    public double ExpressShare { get; init; } = 0.12;

    /// <summary>Mean days between two outages of one printer, and their length.</summary>
    public double MeanDaysBetweenOutages { get; init; } = 6;

    public double MinOutageHours { get; init; } = 1;

    public double MaxOutageHours { get; init; } = 10;

    /// <summary>How often the dispatcher's interval pass runs (besides the passes fired by events).</summary>
    public TimeSpan DispatchInterval { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan TransferTime { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; init; } = 5;

    /// <summary>Writes every late order, its units and their attempts to stderr (to see why it was late).</summary>
    public bool ShowLateOrders { get; init; }
}
