namespace MakerShop.Core;

/// <summary>The jobs a cancellation changed, and of those the ones whose printer has to be told to stop.</summary>
public sealed record CancellationPlan(IReadOnlyList<PrintJob> Cancelled, IReadOnlyList<PrinterStop> StopOnPrinter);
