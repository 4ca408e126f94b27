using System.ComponentModel.DataAnnotations;

namespace MakerShop.Slicing;

/// <summary>How quotes are sliced; bound from <c>MakerShop:Slicing</c>.</summary>
public sealed class SlicingOptions
{
    public const string SectionName = "MakerShop:Slicing";

    /// <summary>The PrusaSlicer command (Debian's package installs <c>prusa-slicer</c> on the PATH).</summary>
    [Required]
    public string SlicerCommand { get; set; } = "prusa-slicer";

    /// <summary>
    /// Folder of the .ini profiles; relative paths are resolved against the binaries' folder. Every file under
    /// printers/ is one printer model, recognised in the fleet by the bed, height and nozzle it declares.
    /// </summary>
    [Required]
    public string ProfilesDirectory { get; set; } = "config/slicing";

    /// <summary>Print (quality) profile under prints/.</summary>
    [Required]
    public string PrintProfile { get; set; } = "0.20mm-standard.ini";

    /// <summary>Material name → filament profile under materials/.</summary>
    public Dictionary<string, string> Materials { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A slice that runs longer is killed, with its whole process tree.</summary>
    [Range(5, 3600)]
    public int TimeoutSeconds { get; set; } = 180;

    /// <summary>
    /// Where the per-slice work folders are made; empty means the system temp folder. Set it to keep slices of
    /// one instance apart from another's (and to let a check that nothing is left behind look only at its own).
    /// </summary>
    public string WorkDirectory { get; set; } = "";

    /// <summary>Slices run at once; PrusaSlicer uses every core, so more rarely helps (1 on a small machine).</summary>
    [Range(1, 16)]
    public int MaxConcurrentSlices { get; set; } = 1;

    /// <summary>
    /// Slices one client (one remote address) may have running or waiting at once; one more is answered 429 at once,
    /// so a flood from one address cannot fill the queue in front of everyone else.
    /// </summary>
    [Range(1, 100)]
    public int MaxQueuedPerClient { get; set; } = 2;

    /// <summary>A quote that waited this long for a slicing slot is answered 503 instead of waiting on.</summary>
    [Range(1, 3600)]
    public int QueueTimeoutSeconds { get; set; } = 120;

    /// <summary>The Retry-After given with a 429 or 503 from the slicing queue.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;
}
