using System.Globalization;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// The receive-side checks of Marlin's <c>get_serial_commands</c>: a numbered line must be last+1 (M110 excepted)
/// and carry a matching checksum. Messages are Marlin's own, so a host sees exactly what real firmware sends.
/// </summary>
internal sealed class LineNumberValidator(Func<long, bool> shouldCorrupt)
{
    public const string LineNumberError = "Line Number is not Last Line Number+1, Last Line: ";
    public const string ChecksumError = "checksum mismatch, Last Line: ";
    public const string NoChecksumError = "No Checksum with line number, Last Line: ";
    public const string NoLineNumberError = "No Line Number with checksum, Last Line: ";

    public long LastLine { get; private set; }

    public IncomingLine Validate(string raw)
    {
        var line = raw.Trim();
        if (line.Length == 0)
        {
            return IncomingLine.Empty;
        }

        var star = line.LastIndexOf('*');
        if (line[0] is not ('N' or 'n'))
        {
            return star >= 0 ? Reject(NoLineNumberError) : IncomingLine.Accept(line);
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var numberEnd = space < 0 ? (star < 0 ? line.Length : star) : space;
        if (!long.TryParse(line.AsSpan(1, numberEnd - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return Reject(LineNumberError);
        }

        var command = (star < 0 ? line[numberEnd..] : line[numberEnd..star]).Trim();
        var isM110 = command.StartsWith("M110", StringComparison.OrdinalIgnoreCase);
        if (!isM110 && number != LastLine + 1)
        {
            return Reject(LineNumberError);
        }

        if (star < 0)
        {
            return Reject(NoChecksumError);
        }

        if (!int.TryParse(line.AsSpan(star + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var checksum)
            || checksum != LineChecksum.Compute(line.AsSpan(0, star))
            || (!isM110 && shouldCorrupt(number)))
        {
            // The M110 hello is never corrupted on purpose, so every host starts from a known line counter.
            return Reject(ChecksumError);
        }

        LastLine = isM110 ? M110Argument(command) ?? number : number;
        return IncomingLine.Accept(command, number);
    }

    public void Reset() => LastLine = 0;

    /// <summary>The error a line lost to a full buffer earns: the host sees it as a gap in the line numbers.</summary>
    public string LostLineError() => LineNumberError + LastLine.ToString(CultureInfo.InvariantCulture);

    private IncomingLine Reject(string message) => IncomingLine.Reject(message + LastLine.ToString(CultureInfo.InvariantCulture));

    /// <summary>Marlin takes the N after M110 when there is one.</summary>
    private static long? M110Argument(string command)
    {
        var n = command.IndexOf('N', 4);
        if (n < 0)
        {
            return null;
        }

        var end = command.IndexOf(' ', n);
        var digits = end < 0 ? command.AsSpan(n + 1) : command.AsSpan(n + 1, end - n - 1);
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
