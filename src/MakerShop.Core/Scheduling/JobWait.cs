namespace MakerShop.Core;

/// <summary>Why a queued job is not printing yet, in terms the owner can act on.</summary>
public enum JobWaitReason
{
    /// <summary>The owner holds it.</summary>
    Held,

    /// <summary>The owner pinned it to a printer that is not free (or cannot print it).</summary>
    PinnedPrinterBusy,

    /// <summary>No printer that could print it is free: every one is busy, offline, out of service or needs its bed cleared.</summary>
    NoPrinterFree,

    /// <summary>No printer of the fleet can print it at all (size, printer model, enclosure or nozzle).</summary>
    NoPrinterCanPrint,

    /// <summary>Waiting for a printer with its filament loaded (no swap allowed, or not yet).</summary>
    NeedsFilament,

    /// <summary>Waiting for a printer closer to the customer (no customs border) that has its filament.</summary>
    HoldingOutForCloser,

    /// <summary>A free printer could take it: more urgent jobs go first, and the next pass places it.</summary>
    NextInLine,
}

/// <summary>
/// The reason, with what it waits for (<see cref="Country"/> of a closer printer, the <see cref="PrinterId"/> it is
/// pinned to) and when the wait ends at the latest (<see cref="Until"/>: from then any suitable printer takes it; null
/// when only a printer becoming free or an owner's action ends it).
/// </summary>
public sealed record JobWait(JobWaitReason Reason, string Material, string Colour, string? Country = null, string? PrinterId = null, DateTimeOffset? Until = null);
