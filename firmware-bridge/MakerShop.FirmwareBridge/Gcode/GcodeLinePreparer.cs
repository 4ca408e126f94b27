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
