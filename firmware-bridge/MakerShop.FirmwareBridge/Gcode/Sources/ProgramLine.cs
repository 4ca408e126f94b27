namespace MakerShop.FirmwareBridge.Gcode.Sources;

/// <summary>One command ready for the wire and how far into the file (in bytes) reading it took the reader.</summary>
internal readonly record struct ProgramLine(string Command, long EndOffset);
