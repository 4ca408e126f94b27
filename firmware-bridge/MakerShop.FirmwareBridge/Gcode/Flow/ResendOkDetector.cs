namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>
/// Whether this firmware follows "Resend:" with an ok that acknowledges nothing (Prusa MK3 does, Marlin 2.0.x does
/// not), detected as OctoPrint's supportResendsWithoutOk "detect" does: after a resend request, expect at most one ok
/// for it within <see cref="Window"/> and swallow it. A firmware is learnt from a request that came with nothing
/// else in flight, where an ok in that window can only be the extra one; until then each request holds the resend
/// for the window. Once known to send it, one ok per request is swallowed; once known not to, none.
/// Oks that carry ADVANCED_OK's N never go through here: they say which line they acknowledge.
/// </summary>
internal sealed class ResendOkDetector(TimeProvider timeProvider)
{
    /// <summary>OctoPrint's resendOk timeout.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);

    private int pending;
    private long? holdStartedAt;
    private bool learningFromThis;

    /// <summary>null until learnt.</summary>
    public bool? SendsOkAfterResend { get; private set; }

    /// <summary>True while the resend waits to see whether an extra ok comes.</summary>
    public bool IsHolding => holdStartedAt is not null;

    public TimeSpan? HoldRemaining =>
        holdStartedAt is { } started ? Window - timeProvider.GetElapsedTime(started) : null;

    /// <summary>A resend request (honoured or a repeat) arrived; <paramref name="nothingElseInFlight"/> makes it a clean observation.</summary>
    public void OnResendRequest(bool nothingElseInFlight)
    {
        switch (SendsOkAfterResend)
        {
            case true:
                pending++;
                break;
            case false:
                break;
            default:
                pending++;
                holdStartedAt = timeProvider.GetTimestamp();
                learningFromThis |= nothingElseInFlight;
                break;
        }
    }

    /// <summary>A resend request not acted on (noise, a line not sent yet): firmware known to add an ok adds it here too.</summary>
    public void OnIgnoredResendRequest()
    {
        if (SendsOkAfterResend == true)
        {
            pending++;
        }
    }

    /// <summary>True when this plain ok is the extra one after a resend request and must not acknowledge a line.</summary>
    public bool TrySwallow()
    {
        if (pending == 0)
        {
            return false;
        }

        pending--;
        if (SendsOkAfterResend is null && learningFromThis)
        {
            SendsOkAfterResend = true;
        }

        if (pending == 0)
        {
            EndHold();
        }

        return true;
    }

    /// <summary>The window passed without the extra ok.</summary>
    public void OnHoldExpired()
    {
        if (SendsOkAfterResend is null && learningFromThis)
        {
            SendsOkAfterResend = false;
        }

        pending = 0;
        EndHold();
    }

    private void EndHold()
    {
        holdStartedAt = null;
        learningFromThis = false;
    }
}
