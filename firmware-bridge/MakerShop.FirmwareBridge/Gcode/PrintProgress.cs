namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// How far a run is, counted by what the firmware has acknowledged: program lines (the link's own M110/M105 lines are
/// not counted) and the bytes of the file up to the end of the last acknowledged line, comments included.
/// </summary>
public readonly record struct PrintProgress(long LinesAcknowledged, long BytesAcknowledged, long TotalBytes)
{
    public double Fraction => TotalBytes == 0 ? 1 : Math.Min(1, (double)BytesAcknowledged / TotalBytes);
}
