namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>
/// Decides which resend requests to honour. Two things make this more than "go back to N":
/// with several lines in flight, Marlin rejects each later line too ("Line Number is not Last Line Number+1") and
/// asks for the same number again, so repeats caused by lines already on the wire are ignored; and noise can turn
/// "Resend: 134497" into "Resend: 034497" (OctoPrint #4671), so a number is checked against the history, where a
/// unique match on its trailing digits is taken and anything else is ignored until the ok timeout sorts it out.
/// </summary>
internal sealed class ResendTracker(int maxConsecutive = ResendTracker.MaxConsecutiveResends)
{
    /// <summary>OctoPrint's maxConsecutiveResends.</summary>
    public const int MaxConsecutiveResends = 10;

    private long guardedLine = -1;
    private int repeatsToIgnore;
    private long lastHonoured = -1;
    private int consecutive;

    public ResendVerdict Evaluate(long requested, string digits, SentLineHistory history, long nextNumber, int linesOnTheWireAfter, out long line)
    {
        line = requested;
        if (requested == nextNumber)
        {
            return ResendVerdict.NotSentYet;
        }

        if (!history.Contains(requested))
        {
            if (TryRepair(digits, history, out var repaired))
            {
                line = repaired;
            }
            else
            {
                return ResendVerdict.Noise;
            }
        }

        if (line == guardedLine && repeatsToIgnore > 0)
        {
            repeatsToIgnore--;
            return ResendVerdict.Repeat;
        }

        consecutive = line == lastHonoured ? consecutive + 1 : 1;
        lastHonoured = line;
        if (consecutive > maxConsecutive)
        {
            return ResendVerdict.Loop;
        }

        // Each line that was already on the wire after the bad one can draw one more request for the same number.
        guardedLine = line;
        repeatsToIgnore = linesOnTheWireAfter;
        return ResendVerdict.Honour;
    }

    /// <summary>A line at or past the resent one was acknowledged: the firmware has moved on.</summary>
    public void OnAcknowledged(long number)
    {
        if (number >= guardedLine)
        {
            guardedLine = -1;
            repeatsToIgnore = 0;
        }

        if (number >= lastHonoured)
        {
            consecutive = 0;
        }
    }

    /// <summary>After silence, a request for the guarded line is a new one (the resent line was damaged again).</summary>
    public void OnTimeout() => repeatsToIgnore = 0;

    /// <summary>"034497" matches 134497 if exactly one line in the history ends in those digits.</summary>
    private static bool TryRepair(string digits, SentLineHistory history, out long line)
    {
        line = -1;
        if (digits.Length < 2)
        {
            return false;
        }

        foreach (var number in history.Numbers)
        {
            if (number.ToString(System.Globalization.CultureInfo.InvariantCulture).EndsWith(digits, StringComparison.Ordinal))
            {
                if (line >= 0)
                {
                    return false;
                }

                line = number;
            }
        }

        return line >= 0;
    }
}
