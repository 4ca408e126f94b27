namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>A numbered line as written to the wire; <see cref="ProgramIndex"/> is -1 for lines the link added itself.</summary>
internal sealed record SentLine(long Number, string Wire, int ProgramIndex);
