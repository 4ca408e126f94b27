using System.Text;
using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.Bench.Fuzz;

/// <summary>The firmware reply parsers: each input is split into lines, as the serial link delivers them.</summary>
internal sealed class FirmwareReplyTarget : IFuzzTarget
{
    private static readonly string[] SeedLines =
    [
        "ok", "ok T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0", "ok N12 P15 B3", "ok 123", "T:24.89 /0.00 B:24.31 /0.00 T0:24.89 /0.00 @:0 B@:0",
        "T:210 /210 B:60 /60 T0:210 /210 T1:25 /0 @0:29 @1:0 P:35.2 A:30.1", "ok T:23.4 /0.0 @255 B:22.1 /0.0 @0",
        "Resend: 1234", "rs N45", "Resend:N034497", "Error:Line Number is not Last Line Number+1, Last Line: 12",
        "Error:checksum mismatch, Last Line: 99", "Error:Printer halted. kill() called!", "!! Shutdown due to MCU error",
        "echo:busy: processing", "wait", "start", "//action:pause", "//action:cancel", "//action:notification Heating",
        "FIRMWARE_NAME:Marlin 2.1.2 (Jul 1 2024) SOURCE_CODE_URL:github.com/MarlinFirmware/Marlin PROTOCOL_VERSION:1.0 MACHINE_TYPE:Ender-3 EXTRUDER_COUNT:1",
        "Cap:AUTOREPORT_TEMP:1", "Cap:EMERGENCY_PARSER:0", "SD printing byte 1234/56789", "NORMAL MODE: Percent done: 42; print time remaining in mins: 17",
        "X:10.00 Y:20.00 Z:0.30 E:0.00 Count X:800 Y:1600 Z:120", "TT::124.72124.72 //0.000.00",
    ];

    public string Name => "firmware";

    public IReadOnlyList<byte[]> Seeds(string corpusDirectory) =>
        [.. SeedLines.Select(l => Encoding.UTF8.GetBytes(l)), Encoding.UTF8.GetBytes(string.Join('\n', SeedLines))];

    public void Run(byte[] input)
    {
        foreach (var line in Encoding.UTF8.GetString(input).Split('\n'))
        {
            var reply = FirmwareReplyParser.Parse(line);
            if (reply.Kind == FirmwareReplyKind.Resend && reply.ResendDigits is null)
            {
                throw new InvalidOperationException("A resend without the digits it read.");
            }
        }
    }

    public bool IsRefusal(Exception exception) => false;
}
