namespace MakerShop.VirtualHttpPrinters.OctoPrint;

/// <summary>
/// How long the fake stays in each transitional state, on the machine's clock (its time scale does not speed them up).
/// OctoPrint leaves them when the firmware has worked through its buffer (a pause or cancel also waits for the position
/// report), so they last a second or a few on a real printer; a client that polls sees them now and then, and must not
/// take them for idle.
/// </summary>
public sealed record FakeOctoPrintTimings
{
    public TimeSpan Starting { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Pausing { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Resuming { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Cancelling { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Finishing { get; init; } = TimeSpan.FromSeconds(2);
}
