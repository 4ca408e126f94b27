namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// What an ok says beyond "done": ADVANCED_OK's "ok N6320 P6 B1" (the line acknowledged, free planner blocks, free
/// command-buffer slots) or Repetier's "ok 6320". Plain "ok" leaves all of them null.
/// </summary>
public sealed record OkReport(long? LineNumber, int? PlannerFree, int? BufferFree)
{
    public static OkReport Plain { get; } = new(null, null, null);
}
