using System.Globalization;
using MakerShop.VirtualPrinter.Simulation;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// The acknowledgement line. With ADVANCED_OK it carries the free planner blocks and command slots as they are
/// at the moment it is sent (Marlin's <c>ok_to_send</c>); N appears only when the command had a line number.
/// </summary>
internal sealed class OkFormatter(bool advancedOk, MotionPlanner planner, CommandBuffer buffer)
{
    public string For(long? lineNumber)
    {
        if (!advancedOk)
        {
            return MarlinMachine.Ok;
        }

        var number = lineNumber is { } n ? string.Create(CultureInfo.InvariantCulture, $" N{n}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"ok{number} P{planner.Free} B{buffer.Free}");
    }
}
