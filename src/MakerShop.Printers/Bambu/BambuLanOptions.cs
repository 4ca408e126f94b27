namespace MakerShop.Printers.Bambu;

/// <summary>Timings of the shop's MQTT sessions with Bambu Lab printers (see the reference notes on what printers tolerate).</summary>
public sealed record BambuLanOptions
{
    /// <summary>No message for this long: ask the printer to push again and, if it stays silent, reconnect.</summary>
    public TimeSpan Watchdog { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LongestRetry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A <c>project_file</c> the printer took without starting within this long was silently dropped: firmware that
    /// wants signed commands does that (P1, A1), so the printer is taken to refuse control.
    /// </summary>
    public TimeSpan StartConfirmation { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a printer found refusing control (without a <c>fun</c> bit to say when that ends) is left alone before the shop tries again.</summary>
    public TimeSpan RefusalRetry { get; init; } = TimeSpan.FromMinutes(10);
}
