namespace MakerShop.VirtualPrinter;

/// <summary>How a <see cref="VirtualMarlinPrinter"/> behaves; temperatures in °C, rates per simulated second.</summary>
public sealed record VirtualPrinterOptions
{
    public string Name { get; init; } = "virtual-marlin";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (read it back from <see cref="VirtualMarlinPrinter.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Simulated seconds per real second: 60 turns a one-hour print into one minute.</summary>
    public double TimeScale { get; init; } = 1;

    public double MaxFeedrateMmPerMin { get; init; } = 12_000;

    /// <summary>Feedrate used by moves before the program sets one with F.</summary>
    public double DefaultFeedrateMmPerMin { get; init; } = 1_500;

    public double AmbientTemperature { get; init; } = 21;

    public double HotendHeatRatePerSecond { get; init; } = 3;

    public double BedHeatRatePerSecond { get; init; } = 1;

    public double CoolRatePerSecond { get; init; } = 0.5;

    public TimeSpan HomingDuration { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Fault injection: the first time line N arrives, answer as if its checksum were wrong.</summary>
    public int? CorruptLineOnce { get; init; }

    /// <summary>Marlin's BUFSIZE: host commands queued, the one being processed included. A line arriving when it is full is lost.</summary>
    public int CommandBufferSize { get; init; } = 4;

    /// <summary>Marlin's planner blocks: moves queued for motion. A move arriving when it is full holds its ok back.</summary>
    public int PlannerBufferSize { get; init; } = 16;

    /// <summary>ADVANCED_OK: every command ok reads <c>ok N&lt;line&gt; P&lt;planner free&gt; B&lt;buffer free&gt;</c>.</summary>
    public bool AdvancedOk { get; init; }

    /// <summary>Emulated serial speed (8N1, so baud/10 bytes per real second each way), independent of TimeScale; null is unthrottled.</summary>
    public int? BaudRate { get; init; }

    /// <summary>
    /// Added to the delivery of every byte in each direction, on top of its time on the wire; pipelined, so it slows
    /// a host that waits for each ok (twice per round trip) but not the throughput of a busy wire. A USB-serial
    /// adapter (CH340, FTDI, CP210x, or a board's native USB CDC) adds roughly 1 ms each way because USB full speed
    /// moves data in 1 ms frames. Zero, the default, is a direct UART.
    /// </summary>
    public TimeSpan LinkLatency { get; init; } = TimeSpan.Zero;

    /// <summary>Fault injection: this share (0–1) of good numbered lines is answered as if its checksum were wrong.</summary>
    public double CorruptLineShare { get; init; }

    /// <summary>Seed for every share-based fault, so a failing run can be replayed exactly.</summary>
    public int FaultSeed { get; init; } = 1;

    /// <summary>Fault injection: this share (0–1) of command oks is never sent; the command still runs.</summary>
    public double DropOkShare { get; init; }

    /// <summary>
    /// How many of the newest executed commands <see cref="VirtualMarlinPrinter.ExecutedCommands"/> keeps (0: none). The
    /// default holds every line of any print a test makes; a printer that runs for days (the demo fleet, the soak) keeps fewer.
    /// </summary>
    public int ExecutedCommandCapacity { get; init; } = 1_000_000;

    /// <summary>Prusa prints "ok" after "Resend:"; Marlin 2.0.x does not.</summary>
    public bool OkAfterResend { get; init; } = true;

    /// <summary>Fault injection: once this many host lines have run, the connection is cut as if the USB cable were pulled.</summary>
    public int? DisconnectAfterLines { get; init; }

    /// <summary>Fault injection: once this many host lines have run, the printer reports thermal runaway and halts.</summary>
    public int? ThermalRunawayAfterLines { get; init; }

    /// <summary>
    /// What the printer prints when <see cref="ThermalRunawayAfterLines"/> halts it; null is Marlin's thermal runaway
    /// followed by its kill line. Another firmware's wording (Repetier's "fatal:…", Prusa's "Error: HOTEND THERMAL
    /// RUNAWAY") shows whether a host understands it.
    /// </summary>
    public IReadOnlyList<string>? HaltMessages { get; init; }

    /// <summary>How M114 names the motors after "Count": "XYZ" on a Cartesian machine, "ABC" on CoreXY, delta and SCARA.</summary>
    public string CountAxes { get; init; } = "XYZ";

    /// <summary>HOST_KEEPALIVE/BUSY_WHILE_HEATING: "echo:busy: processing" every 2 s while M109, M190, G28 or G4 block.</summary>
    public bool BusyWhileHeating { get; init; } = true;

    /// <summary>NO_TIMEOUTS: "wait" every simulated second while the command buffer is empty and the host is silent.</summary>
    public bool SendWaitWhenIdle { get; init; }
}
