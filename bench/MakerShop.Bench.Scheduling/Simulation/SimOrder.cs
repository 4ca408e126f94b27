using MakerShop.Core;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>An order in flight: the current attempt of each unit and when the last unit was done.</summary>
internal sealed class SimOrder(SimOrderSpec spec)
{
    public SimOrderSpec Spec { get; } = spec;

    public PrintJob?[] Units { get; } = new PrintJob?[spec.Units.Count];

    public int Completed { get; set; }

    public DateTimeOffset? ProducedAt { get; set; }

    public bool IsProduced => ProducedAt is not null;
}
