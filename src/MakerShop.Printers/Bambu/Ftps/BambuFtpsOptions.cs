namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>How the shop talks FTPS to Bambu Lab printers (section <c>Printers:BambuFtps</c>).</summary>
public sealed class BambuFtpsOptions
{
    public const string SectionName = "Printers:BambuFtps";

    /// <summary>
    /// Offer TLS 1.2 at most. X1C and H2D accept nothing else on port 990, and P2S, X2D and H2C tear the data channel
    /// down mid-stream with TLS 1.3 (426 "Failure reading network stream").
    /// </summary>
    public bool CapTlsAt12 { get; set; } = true;

    /// <summary>Time to open the TCP connection and finish a TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time the printer has to answer one command on the control channel.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The slowest transfer still counted as alive: a Bambu printer sustains about 150 KB/s, an A1 on Wi-Fi 75 KB/s,
    /// so an upload's deadline is its size at this rate, and never less than <see cref="MinimumUploadTime"/>.
    /// </summary>
    public int UploadFloorBytesPerSecond { get; set; } = 25_000;

    public TimeSpan MinimumUploadTime { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// PEM file(s) of the Bambu Lab CA roots, used only for a printer registered without a pinned certificate; the
    /// printer's certificate must chain to one of them and name the printer's serial. Empty: such printers are refused.
    /// </summary>
    public IList<string> CaCertificateFiles { get; } = [];

    /// <summary>The deadline for an upload of <paramref name="bytes"/> (unknown: the minimum).</summary>
    public TimeSpan UploadDeadline(long? bytes)
    {
        var minimum = MinimumUploadTime;
        if (bytes is not { } size || UploadFloorBytesPerSecond <= 0)
        {
            return minimum;
        }

        var atFloor = TimeSpan.FromSeconds((double)size / UploadFloorBytesPerSecond);
        return atFloor > minimum ? atFloor : minimum;
    }

    internal IEnumerable<string> Problems()
    {
        if (ConnectTimeout <= TimeSpan.Zero)
        {
            yield return "Printers:BambuFtps:ConnectTimeout must be positive.";
        }

        if (ReplyTimeout <= TimeSpan.Zero)
        {
            yield return "Printers:BambuFtps:ReplyTimeout must be positive.";
        }

        if (UploadFloorBytesPerSecond <= 0)
        {
            yield return "Printers:BambuFtps:UploadFloorBytesPerSecond must be positive.";
        }

        if (MinimumUploadTime <= TimeSpan.Zero)
        {
            yield return "Printers:BambuFtps:MinimumUploadTime must be positive.";
        }

        foreach (var file in CaCertificateFiles.Where(f => !File.Exists(f)))
        {
            yield return $"Printers:BambuFtps:CaCertificateFiles names {file}, which does not exist.";
        }
    }
}
