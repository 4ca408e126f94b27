namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// A numbered line as written to the wire. <see cref="EndOffset"/> is how far into the program file it reaches
/// (for progress); lines the link adds itself have <see cref="Role"/> other than Program.
/// </summary>
internal sealed record SentLine(long Number, string Wire, string Command, SentLineRole Role, long EndOffset)
{
    /// <summary>An M105 whose "ok T:…" answer marks a point where every earlier line is done.</summary>
    public bool IsTemperatureQuery => Command.StartsWith("M105", StringComparison.OrdinalIgnoreCase);

    /// <summary>M109/M190/M191 block for minutes and print heater lines meanwhile; those count as signs of life.</summary>
    public bool IsHeatAndWait =>
        Command.StartsWith("M109", StringComparison.OrdinalIgnoreCase)
        || Command.StartsWith("M190", StringComparison.OrdinalIgnoreCase)
        || Command.StartsWith("M191", StringComparison.OrdinalIgnoreCase);
}
