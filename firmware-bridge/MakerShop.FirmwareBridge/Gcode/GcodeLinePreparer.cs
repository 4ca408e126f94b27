namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// Turns a file line into what goes on the wire: no ';' comment, no "(…)" comment, no surrounding blanks, nothing if
/// empty. Comments cost serial bandwidth and firmware buffer space, and Marlin would count a '*' in one as a checksum.
/// </summary>
public static class GcodeLinePreparer
{
    public static string? Prepare(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        // A UTF-8 byte order mark at the start of a file is not part of the first command.
        raw = raw.TrimStart('\uFEFF');
        var semicolon = raw.IndexOf(';', StringComparison.Ordinal);
        var code = semicolon < 0 ? raw.AsSpan() : raw.AsSpan(0, semicolon);
        if (code.Contains('('))
        {
            code = StripParenthesisComments(code);
        }

        code = code.Trim();

        // '*' would be read as the start of a checksum by the firmware.
        var star = code.IndexOf('*');
        if (star >= 0)
        {
            code = code[..star].TrimEnd();
        }

        return code.IsEmpty ? null : code.ToString();
    }

    /// <summary>
    /// The serial line is ASCII and its checksum is over the bytes written: a non-ASCII character (a UTF-8 "é" is
    /// two bytes) would make host and firmware disagree on it and the line be refused forever. Each one becomes '?'.
    /// </summary>
    public static string ToWireAscii(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var c in command)
        {
            if (c is < ' ' or > '~')
            {
                return string.Create(command.Length, command, static (span, text) =>
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        span[i] = text[i] is < ' ' or > '~' ? '?' : text[i];
                    }
                });
            }
        }

        return command;
    }

    /// <summary>"M110 N5": sets the firmware's line counter, which the host owns while it streams.</summary>
    public static bool IsLineNumberReset(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Length >= 4
            && command.StartsWith("M110", StringComparison.OrdinalIgnoreCase)
            && (command.Length == 4 || !char.IsAsciiDigit(command[4]));
    }

    /// <summary>"G1 X10 (move to start) Y5" → "G1 X10 Y5"; an unclosed "(" comments out the rest, as in RS-274.</summary>
    private static ReadOnlySpan<char> StripParenthesisComments(ReadOnlySpan<char> code)
    {
        var kept = new System.Text.StringBuilder(code.Length);
        var depth = 0;
        foreach (var c in code)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                kept.Append(c);
            }
        }

        // Two blanks where a comment sat in the middle become one, so "X10  Y5" is not sent with a double space.
        return kept.Replace("  ", " ").ToString().AsSpan();
    }
}
