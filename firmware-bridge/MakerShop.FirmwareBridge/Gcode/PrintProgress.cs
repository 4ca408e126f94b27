namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>Program lines the firmware has acknowledged so far (the link's own M110/M105 lines are not counted).</summary>
public readonly record struct PrintProgress(int LinesAcknowledged, int TotalLines)
{
    public double Fraction => TotalLines == 0 ? 1 : (double)LinesAcknowledged / TotalLines;
}
