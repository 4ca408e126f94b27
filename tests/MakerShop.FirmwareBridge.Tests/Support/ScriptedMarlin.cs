using System.Globalization;
using System.Threading.Channels;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Transport;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>
/// An in-memory Marlin receive side with exact, per-line fault injection: it checks line numbers and checksums as
/// Marlin's get_serial_commands does and answers synchronously, so a windowed host's burst of lines is judged line by
/// line (a bad line makes every later one in the burst fail too, as on real firmware). For protocol cases the
/// virtual printer cannot stage on cue: a given resend spelling, a reset or a halt at a given line, a stalled buffer.
/// </summary>
internal sealed class ScriptedMarlin : IFirmwareConnection, IFirmwareTransport
{
    private readonly Channel<string> outgoing = Channel.CreateUnbounded<string>();
    private readonly Lock gate = new();
    private readonly List<string> received = [];
    private readonly List<string> executed = [];
    private readonly List<long> stalled = [];
    private long lastLine;

    public bool OkAfterResend { get; init; }

    public bool AdvancedOk { get; init; }

    /// <summary>How "Resend" is spelt; Marlin's by default.</summary>
    public Func<long, string> ResendFormat { get; init; } = n => string.Create(CultureInfo.InvariantCulture, $"Resend: {n}");

    /// <summary>Line numbers answered once with a checksum error.</summary>
    public HashSet<long> CorruptOnce { get; init; } = [];

    /// <summary>Line numbers whose ok is never sent (the command still runs).</summary>
    public HashSet<long> DropOk { get; init; } = [];

    /// <summary>Lines printed before the ok of M115.</summary>
    public IReadOnlyList<string> M115Lines { get; init; } = ["FIRMWARE_NAME:Marlin 2.1.2 (scripted) PROTOCOL_VERSION:1.0 MACHINE_TYPE:Scripted EXTRUDER_COUNT:1"];

    /// <summary>M112 halts the firmware but prints nothing (queued behind a blocking command, no EMERGENCY_PARSER).</summary>
    public bool SilentHalt { get; init; }

    /// <summary>
    /// Commands starting with this block the queue (M109 heating, M0 waiting): their ok and every later one are held
    /// until an unnumbered M108 arrives, which EMERGENCY_PARSER takes without an ok of its own.
    /// </summary>
    public string? BlockOn { get; init; }

    /// <summary>Accept lines but answer none (M105 included), as a firmware whose queue never drains.</summary>
    public bool Stall { get; set; }

    /// <summary>Called after each accepted command with its line number (0 for unnumbered ones).</summary>
    public Action<long, string>? AfterExecute { get; set; }

    /// <summary>Every raw line the host wrote, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    /// <summary>Commands accepted and run, in order, without line numbers or checksums.</summary>
    public IReadOnlyList<string> Executed
    {
        get
        {
            lock (gate)
            {
                return [.. executed];
            }
        }
    }

    public bool IsKilled { get; private set; }

    /// <summary>How many times the transport was opened (each open resets a real board).</summary>
    public int Opens { get; private set; }

    /// <summary>Thrown from a write of the line it returns one for (a serial write timeout, a broken pipe).</summary>
    public Func<string, Exception?>? WriteFault { get; init; }

    public Task<IFirmwareConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Opens++;
        Emit("start");
        return Task.FromResult<IFirmwareConnection>(this);
    }

    public void Emit(string line) => outgoing.Writer.TryWrite(line);

    /// <summary>Pulls the cable: the host reads end-of-stream.</summary>
    public void Disconnect() => outgoing.Writer.TryComplete();

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await outgoing.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        if (WriteFault?.Invoke(line) is { } fault)
        {
            throw fault;
        }

        lock (gate)
        {
            received.Add(line);
            Receive(line.Trim());
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends the oks held back while <see cref="Stall"/> was on.</summary>
    public void Release()
    {
        lock (gate)
        {
            Stall = false;
            foreach (var number in stalled)
            {
                Ok(number);
            }

            stalled.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Disconnect();
        return ValueTask.CompletedTask;
    }

    private void Receive(string line)
    {
        if (IsKilled)
        {
            return;
        }

        if (line == "M112")
        {
            IsKilled = true;
            executed.Add("M112");
            if (!SilentHalt)
            {
                Emit("Error:Printer halted. kill() called!");
            }

            return;
        }

        if (line == "M108" && BlockOn is not null)
        {
            executed.Add("M108");
            Release();
            return;
        }

        if (!line.StartsWith('N'))
        {
            Execute(line, 0);
            return;
        }

        var star = line.LastIndexOf('*');
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var number = long.Parse(line.AsSpan(1, space - 1), CultureInfo.InvariantCulture);
        var command = line[(space + 1)..(star < 0 ? line.Length : star)].Trim();
        if (command.StartsWith("M110", StringComparison.Ordinal))
        {
            lastLine = command.Contains('N', StringComparison.Ordinal) ? long.Parse(command[(command.IndexOf('N', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture) : number;
            Execute(command, number);
            return;
        }

        if (number != lastLine + 1)
        {
            Reject("Line Number is not Last Line Number+1, Last Line: ");
        }
        else if (star < 0)
        {
            Reject("No Checksum with line number, Last Line: ");
        }
        else if (CorruptOnce.Remove(number) || int.Parse(line.AsSpan(star + 1), CultureInfo.InvariantCulture) != Utf8Checksum(line[..star]))
        {
            Reject("checksum mismatch, Last Line: ");
        }
        else
        {
            lastLine = number;
            Execute(command, number);
        }
    }

    /// <summary>What the firmware computes: XOR over the bytes that arrive, which for non-ASCII text are UTF-8.</summary>
    private static int Utf8Checksum(string text) => System.Text.Encoding.UTF8.GetBytes(text).Aggregate(0, (sum, b) => sum ^ b);

    private void Reject(string error)
    {
        Emit("Error:" + error + lastLine.ToString(CultureInfo.InvariantCulture));
        Emit(ResendFormat(lastLine + 1));
        if (OkAfterResend)
        {
            Emit("ok");
        }
    }

    private void Execute(string command, long number)
    {
        executed.Add(command);
        if (BlockOn is not null && command.StartsWith(BlockOn, StringComparison.Ordinal))
        {
            Stall = true;
        }

        if (command == "M115")
        {
            foreach (var info in M115Lines)
            {
                Emit(info);
            }
        }

        if (Stall)
        {
            stalled.Add(number);
        }
        else if (command == "M105")
        {
            Emit("ok T:21.0 /0.0 B:20.5 /0.0 @:0 B@:0");
        }
        else if (!DropOk.Remove(number))
        {
            Ok(number);
        }

        AfterExecute?.Invoke(number, command);
    }

    private void Ok(long number) =>
        Emit(AdvancedOk && number > 0 ? string.Create(CultureInfo.InvariantCulture, $"ok N{number} P15 B3") : "ok");
}
