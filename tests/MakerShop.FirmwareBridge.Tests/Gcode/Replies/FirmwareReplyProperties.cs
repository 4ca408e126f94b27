using System.Diagnostics;
using CsCheck;
using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Replies;

/// <summary>
/// A firmware can send any line (line noise, a doubled-character bug, a hostile clone): every reply parser classifies it
/// without throwing, in time bounded by its length, and what it reads stays consistent with the line: a resend names the
/// digits it read, an ok is classified Ok, temperatures are numbers.
/// </summary>
public sealed class FirmwareReplyProperties
{
    private static readonly string[] Heads =
    [
        "ok", "ok ", "OK", "ok T:", "T:", "T0:", "B:", "ok N", "Resend: ", "Resend:N", "rs N", "Error:", "Error:Line Number is not Last Line Number+1, Last Line: ",
        "Error:checksum mismatch, Last Line: ", "Error:Printer halted. kill() called!", "!!", "echo:busy: processing", "wait", "start",
        "//action:", "//action:pause", "FIRMWARE_NAME:Marlin ", "Cap:AUTOREPORT_TEMP:", "SD printing byte ", "NORMAL MODE: Percent done: ",
        "TT::", "", " ", "\t", "X:10.00 Y:20.00 Z:0.30 E:0.00 Count A:", "ok X:", "X:", "fatal:", "TargetExtr0:", "TargetBed:",
        "NAME: Malyan ", "NAME:", "// Klipper state: ", "Done printing file", "echo:busy: paused for user", "Count ",
    ];

    private static readonly string[] Pieces =
    [
        "0", "1", "-1", "18446744073709551616", "999999999999999999", "9999999999999999999", "1e308", "NaN", "Infinity", "-0",
        "T:", "B:", "C:", "P:", "A:", "@:", "B@:", "@0:", "@255", "/", " / ", " ", ":", "::", "N", "P", "B", ".", "..", "e", "E:",
        "\u0000", "\u00ff", "é", "🙂", "\r", "%", "/0", "X:10.00", "Y:", "Last Line: ", "+", "ok",
        "Z:", "Count", " Count A:", "VER:", "MODEL:",
    ];

    private static readonly Gen<string> Line = Gen.Select(Gen.OneOf(Heads), Gen.OneOf(Pieces).Array[0, 24], (head, pieces) => head + string.Concat(pieces));

    [Fact]
    public void Any_line_is_classified_without_throwing_in_bounded_time()
    {
        Line.Sample(ClassifiesConsistently, iter: 3000, threads: 1);
        Gen.String.Sample(ClassifiesConsistently, iter: 1500, threads: 1);
        Gen.Char.Array[0, 2000].Select(c => new string(c)).Sample(ClassifiesConsistently, iter: 300, threads: 1);
    }

    [Fact]
    public void Each_reply_parser_reads_any_line_or_declines_it()
    {
        Line.Sample(line =>
        {
            Bounded(line, () =>
            {
                _ = TemperatureReportParser.TryParse(line);
                _ = ResendRequestParser.TryParse(line, out _, out _);
                _ = FirmwareProgressParser.TryParse(line);
                _ = HostActionParser.TryParse(line);
                _ = FirmwareInfoParser.TryParseIdentity(line);
                _ = FirmwareInfoParser.TryParseFirmwareName(line);
                _ = FirmwareInfoParser.TryParseCapability(line, out _, out _);
                _ = FirmwareErrorClassifier.Classify(line);
                _ = FirmwareErrorClassifier.IsHalt(line);
                _ = PositionReportParser.TryParse(line);
                _ = HeaterTargetParser.TryParse(line);
                _ = KlipperStateParser.TryParse(line);
                _ = FirmwareBusyParser.TryParse(line);
                if (OkReportParser.IsOk(line))
                {
                    _ = OkReportParser.Parse(line);
                }
            });
        }, iter: 3000, threads: 1);
    }

    /// <summary>An M114 line as Marlin, Prusa or Klipper prints it, with the motor names of a Cartesian, CoreXY or delta machine.</summary>
    private static readonly Gen<(string Line, double X, double Y, double Z)> PositionLine =
        Gen.Select(
            Gen.Int[-500_00, 500_00], Gen.Int[-500_00, 500_00], Gen.Int[0, 400_00],
            Gen.OneOf(Gen.Const("X Y Z"), Gen.Const("A B C"), Gen.Const("A B Z"), Gen.Const("")),
            Gen.Int[0, 10_000_000].Array[3], Gen.Bool,
            (x, y, z, motors, counts, ok) =>
            {
                var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"X:{x / 100.0:0.00} Y:{y / 100.0:0.00} Z:{z / 100.0:0.00} E:0.00");
                if (motors.Length > 0)
                {
                    var names = motors.Split(' ');
                    text += " Count" + string.Concat(names.Select((name, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $" {name}:{counts[i]}")));
                }

                return ((ok ? "ok " : string.Empty) + text, x / 100.0, y / 100.0, z / 100.0);
            });

    [Fact]
    public void Any_position_report_is_read_as_a_position_and_never_as_heaters()
    {
        PositionLine.Sample(sample =>
        {
            var reply = FirmwareReplyParser.Parse(sample.Line);

            Assert.Null(reply.Heaters);
            Assert.Equal((sample.X, sample.Y, sample.Z), (reply.Position!.X, reply.Position.Y, reply.Position.Z));
        }, iter: 2000, threads: 1);
    }

    [Fact]
    public void A_long_noisy_line_is_classified_in_time_proportional_to_its_length()
    {
        // A serial line without a newline for a while: tens of kilobytes of sensor-like noise in one line.
        Gen.OneOf(Pieces).Array[2000, 6000].Select(string.Concat).Sample(ClassifiesConsistently, iter: 20, threads: 1);
    }

    public static TheoryData<string> Regressions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Gcode", "Replies", "Regressions")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Firmware_output_that_once_crashed_a_parser_is_classified(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Gcode", "Replies", "Regressions", name));
        foreach (var line in System.Text.Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            ClassifiesConsistently(line);
        }
    }

    [Fact]
    public void An_sd_progress_line_whose_byte_count_overflows_a_long_is_not_a_progress_report()
    {
        var reply = FirmwareReplyParser.Parse("SD printing byte 1234/51290168105289939541334");

        Assert.NotEqual(FirmwareReplyKind.Progress, reply.Kind);
        Assert.Null(reply.Progress);
        Assert.Equal(5120, FirmwareProgressParser.TryParse("SD printing byte 1234/5120")!.SdFileSize);
    }

    [Fact]
    public void Digits_of_another_script_are_not_read_as_a_temperature()
    {
        // Arabic-Indic eight (U+06F8) after the bed reading: .NET's \d matched it and double.Parse threw.
        var reply = FirmwareReplyParser.Parse("T:210 B:60\u06F8");

        Assert.DoesNotContain(reply.Heaters ?? [], h => h.Name == "bed");
        Assert.Equal(60, FirmwareReplyParser.Parse("T:210 B:60").Heaters!.Single(h => h.Name == "bed").Actual);
    }

    private static void ClassifiesConsistently(string line)
    {
        var reply = Bounded(line, () => FirmwareReplyParser.Parse(line));
        Assert.Equal(line.Trim(), reply.Line);
        if (reply.Kind == FirmwareReplyKind.Resend)
        {
            Assert.NotNull(reply.ResendDigits);
            Assert.Equal(long.Parse(reply.ResendDigits!, System.Globalization.CultureInfo.InvariantCulture), reply.ResendLine);
        }

        if (reply.Kind == FirmwareReplyKind.Ok)
        {
            Assert.NotNull(reply.Ok);
        }

        if (reply.Kind == FirmwareReplyKind.Position)
        {
            Assert.NotNull(reply.Position);
        }

        if (reply.Kind == FirmwareReplyKind.TargetTemperature)
        {
            Assert.NotNull(reply.Target);
        }

        if (PositionReportParser.StartsLikePosition(line))
        {
            Assert.Null(reply.Heaters);
        }

        foreach (var heater in reply.Heaters ?? [])
        {
            Assert.False(double.IsNaN(heater.Actual), $"heater {heater.Name} read NaN from '{line}'");
        }
    }

    private static T Bounded<T>(string line, Func<T> parse)
    {
        var budget = TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(line.Length / 10.0);
        var started = Stopwatch.GetTimestamp();
        var result = parse();
        var took = Stopwatch.GetElapsedTime(started);
        Assert.True(took < budget, $"classifying {line.Length} characters took {took}");
        return result;
    }

    private static void Bounded(string line, Action parse) => Bounded(line, () =>
    {
        parse();
        return 0;
    });
}
