namespace MakerShop.Bench.Scheduling.Simulation;

internal enum SimEventKind
{
    OrderPlaced,
    PrintStarted,
    PrintEnded,
    BedCleared,
    OutageStarted,
    OutageEnded,
    DispatchTick,
}

/// <summary>Something that happens at a moment of simulated time; Target is an order or printer index.</summary>
internal readonly record struct SimEvent(SimEventKind Kind, int Target, string? JobId = null);
