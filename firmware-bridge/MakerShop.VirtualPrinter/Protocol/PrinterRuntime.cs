using MakerShop.VirtualPrinter.Faults;
using MakerShop.VirtualPrinter.Simulation;
using Microsoft.Extensions.Logging;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>What outlives a connection: the timeline, the record of executed commands, counters and one-shot faults.</summary>
internal sealed record PrinterRuntime(
    VirtualPrinterOptions Options,
    SimulatedClock Clock,
    ExecutedCommandLog Log,
    PrinterCounters Counters,
    FaultInjector Faults,
    TimeProvider TimeProvider,
    ILogger Logger);
