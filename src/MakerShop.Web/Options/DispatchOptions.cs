using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Options;

/// <summary>How often the dispatcher and the command outbox run; bound from <c>MakerShop:Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "MakerShop:Dispatch";

    /// <summary>The dispatcher also runs at once when a job is queued or a printer frees up; this is the safety net.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 10;

    /// <summary>An unacknowledged command is re-published after this long.</summary>
    [Range(1, 600)]
    public int CommandResendSeconds { get; set; } = 3;

    /// <summary>
    /// How many waiting jobs of each filament one pass weighs (the most urgent ones): a pass costs the same however long
    /// the queue is. Comfortably more than the printers that could take that filament at once.
    /// </summary>
    [Range(1, 10000)]
    public int QueueWindowPerFilament { get; set; } = 200;
}
