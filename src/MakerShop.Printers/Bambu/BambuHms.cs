using System.Globalization;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// Bambu's HMS codes (<c>attr</c> and <c>code</c> of the report's <c>hms</c> list, 16 hex digits together) and
/// <c>print_error</c> numbers, in words where their meaning is known, else as the code the printer's screen shows.
/// </summary>
public static class BambuHms
{
    /// <summary>"MQTT command verification failed": the firmware wants signed commands (Developer Mode off).</summary>
    public const string CommandVerificationFailed = "0500050000010007";

    /// <summary><c>print_error</c> 0x0300400C, sent when a print is stopped (at the printer or by a <c>stop</c>).</summary>
    public const long UserCancelled = 50348044;

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [CommandVerificationFailed] = "the printer refused a control command because it is not verified (Developer Mode is off)",
    };

    private static readonly Dictionary<long, string> KnownPrintErrors = new()
    {
        [UserCancelled] = "the print was stopped",
    };

    public static string CodeOf(long attr, long code) =>
        string.Create(CultureInfo.InvariantCulture, $"{(uint)attr:X8}{(uint)code:X8}");

    /// <summary>"HMS 0500_0500_0001_0007: …": the code as the printer shows it, with its meaning when known.</summary>
    public static string Describe(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var shown = code.Length == 16 ? $"HMS {code[..4]}_{code[4..8]}_{code[8..12]}_{code[12..]}" : "HMS " + code;
        return Known.TryGetValue(code, out var words) ? $"{words} ({shown})" : shown;
    }

    public static string DescribePrintError(long printError)
    {
        var hex = ((uint)printError).ToString("X8", CultureInfo.InvariantCulture);
        var shown = $"error {hex[..4]}_{hex[4..]}";
        return KnownPrintErrors.TryGetValue(printError, out var words) ? $"{words} ({shown})" : $"the printer reported {shown}";
    }
}
