namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// An M114 answer: the logical position in mm ("X:10.00 Y:20.00 Z:0.30 E:0.00") and, after "Count", what the firmware
/// counts per motor. Cartesian Marlin names the motors X Y Z; CoreXY, delta and SCARA builds name them A B C (Marlin's
/// STR_COUNT_A), Prusa gives the counts in mm, RepRapFirmware prints bare numbers (kept in the line, not here).
/// </summary>
public sealed record PositionReport(double X, double Y, double Z, double? E, IReadOnlyDictionary<string, double> MotorCounts);
