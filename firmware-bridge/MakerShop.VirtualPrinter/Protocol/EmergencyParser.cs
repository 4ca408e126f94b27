namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// Marlin's EMERGENCY_PARSER looks at bytes as they arrive, before line numbers and checksums are checked and
/// before the command queue, so M112 acts at once even while a long command blocks the queue.
/// </summary>
internal static class EmergencyParser
{
    public static bool IsEmergencyStop(string raw)
    {
        var line = raw.AsSpan().Trim();
        if (line.Length > 0 && line[0] is 'N' or 'n')
        {
            var space = line.IndexOf(' ');
            line = space < 0 ? [] : line[(space + 1)..].TrimStart();
        }

        var star = line.IndexOf('*');
        if (star >= 0)
        {
            line = line[..star];
        }

        line = line.TrimEnd();
        return line.Equals("M112", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("M112 ", StringComparison.OrdinalIgnoreCase);
    }
}
