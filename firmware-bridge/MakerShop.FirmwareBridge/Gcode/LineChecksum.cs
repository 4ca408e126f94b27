using System.Globalization;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>Marlin's line checksum: XOR of every byte from the N up to the '*', written in decimal.</summary>
public static class LineChecksum
{
    /// <summary>Over the characters as bytes: callers pass ASCII (see <see cref="GcodeLinePreparer.ToWireAscii"/>), where the two agree.</summary>
    public static int Compute(ReadOnlySpan<char> text)
    {
        var checksum = 0;
        foreach (var c in text)
        {
            checksum ^= c & 0xFF;
        }

        return checksum;
    }

    /// <summary>"N1 G28*18".</summary>
    public static string Format(long lineNumber, string command)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"N{lineNumber} {command}");
        return string.Create(CultureInfo.InvariantCulture, $"{body}*{Compute(body)}");
    }
}
