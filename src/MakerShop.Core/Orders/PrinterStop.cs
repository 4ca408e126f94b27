namespace MakerShop.Core;

/// <summary>
/// A printer to tell to stop a job. <see cref="OnlyReserved"/>: the printer had not yet said it took the job, so the
/// shop frees it at once; a printer running the job is freed when it reports the job stopped.
/// </summary>
public sealed record PrinterStop(PrintJob Job, string PrinterId, bool OnlyReserved);
