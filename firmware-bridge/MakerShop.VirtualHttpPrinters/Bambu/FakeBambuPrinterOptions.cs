namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>What the fake Bambu Lab printer is: its serial, access code, where its FTPS server stores files, and its habits.</summary>
public sealed class FakeBambuPrinterOptions
{
    public string Serial { get; set; } = "01P00A000000001";

    public string AccessCode { get; set; } = "12345678";

    /// <summary>The root of the printer's storage (the directory its FTPS server writes uploads to).</summary>
    public string StorageDirectory { get; set; } = "";

    /// <summary>X1 style: every report is the whole object and carries <c>fun</c>; otherwise P1/A1 style, only what changed.</summary>
    public bool FullReports { get; set; }

    public bool DeveloperMode { get; set; } = true;

    public FakeBambuRefusal Refusal { get; set; } = FakeBambuRefusal.Hms;

    /// <summary>Simulated length of every print.</summary>
    public TimeSpan PrintDuration { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Simulated seconds per second of the clock.</summary>
    public double TimeScale { get; set; } = 1;

    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>pushall</c> sooner than this after the previous one is ignored, as P1 firmware under load does.</summary>
    public TimeSpan PushAllMinimumInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The spools in its AMS; none (the default) is a printer without an AMS, feeding from its external spool.</summary>
    public IReadOnlyList<FakeBambuTray> AmsTrays { get; set; } = [];

    /// <summary>The external spool's material (null: none hung) and colour (RRGGBBAA).</summary>
    public string? ExternalMaterial { get; set; } = "PLA";

    public string ExternalColour { get; set; } = "FFFFFFFF";

    /// <summary>0 picks a free loopback port.</summary>
    public int Port { get; set; }
}
