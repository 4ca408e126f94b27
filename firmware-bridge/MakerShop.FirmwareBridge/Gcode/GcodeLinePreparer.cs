namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>Turns a file line into what goes on the wire: no ';' comment, no surrounding blanks, nothing if empty.</summary>
public static class GcodeLinePreparer
{
    public static string? Prepare(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var semicolon = raw.IndexOf(';', StringComparison.Ordinal);
        var code = (semicolon < 0 ? raw.AsSpan() : raw.AsSpan(0, semicolon)).Trim();

        // '*' would be read as the start of a checksum by the firmware.
        var star = code.IndexOf('*');
        if (star >= 0)
        {
            code = code[..star].TrimEnd();
        }

        return code.IsEmpty ? null : code.ToString();
    }
}
