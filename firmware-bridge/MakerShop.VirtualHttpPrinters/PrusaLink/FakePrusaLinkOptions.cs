namespace MakerShop.VirtualHttpPrinters.PrusaLink;

/// <summary>How a fake Buddy printer authenticates; the defaults are the firmware's.</summary>
public sealed record FakePrusaLinkOptions
{
    /// <summary>False for a printer that takes HTTP Digest only and answers the key header with a Digest challenge.</summary>
    public bool AcceptsApiKey { get; init; } = true;

    /// <summary>Buddy's nonces are valid for under five seconds of its uptime.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromSeconds(5);

    public string Realm { get; init; } = "Printer API";

    public string Firmware { get; init; } = "6.1.3+8328";

    public string Hostname { get; init; } = "prusa-mk4";
}
