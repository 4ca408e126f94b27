using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>
/// A Bambu Lab printer in LAN mode as the shop meets it: an MQTT broker on TLS (a self-signed certificate named by the
/// serial), user <c>bblp</c> with the access code, reports on <c>device/{serial}/report</c> (P1 style: only what
/// changed; X1 style: everything, with <c>fun</c>), a rate-limited <c>pushall</c>, and <c>project_file</c> that prints
/// only a 3MF found in its storage with the named plate G-code inside. Without Developer Mode it refuses control as
/// real firmware does. Prints run on the given clock. Files reach its storage through the FTPS server in front of it.
/// </summary>
public sealed class FakeBambuPrinter : IAsyncDisposable
{
    /// <summary><c>fun</c> with the "signature required" bit clear (Developer Mode on) and set (off), as X1 firmware sends it.</summary>
    public const string FunDeveloperMode = "3EC18FFF9CFF";
    public const string FunSignatureRequired = "3EC1AFFF9CFF";

    /// <summary>print_error when a print is stopped; print_error when the file to print is missing or unreadable.</summary>
    public const long StoppedError = 50348044;
    public const long FileError = 0x0500_4002;

    /// <summary>print_error while paused because the AMS slot the print was mapped to holds no filament.</summary>
    public const long AmsSlotEmptyError = 0x0700_8011;

    private readonly FakeBambuPrinterOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Channel<JsonObject> _outgoing = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _printsStarted = [];
    private readonly List<FakeBambuTray> _trays;
    private readonly Queue<JsonObject> _sent = new();
    private JsonObject _print;
    private MqttServer? _server;
    private ITimer? _timer;
    private Task? _pump;
    private TimeSpan _elapsed;
    private DateTimeOffset? _lastPushAll;

    public FakeBambuPrinter(FakeBambuPrinterOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _trays = [.. options.AmsTrays];
        _print = Idle();
        Certificate = FakeBambuCertificate.Create(options.Serial);
    }

    /// <summary>The last <c>project_file</c> request received, as sent (its <c>use_ams</c> and <c>ams_mapping</c> among the rest).</summary>
    public JsonObject? LastProjectFile { get; private set; }

    /// <summary>The last 500 messages the printer published on its report topic, oldest first: what a P1 puts in a delta.</summary>
    public IReadOnlyList<JsonObject> ReportsSent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent.Select(m => (JsonObject)m.DeepClone())];
            }
        }
    }

    /// <summary>Prints the printer would not start because their AMS mapping pointed at an empty slot.</summary>
    public int PausedForEmptyTray { get; private set; }

    /// <summary>The maker loads (or replaces) the spool of an AMS slot; the printer reports its <c>ams</c> block again.</summary>
    public void LoadTray(FakeBambuTray tray)
    {
        ArgumentNullException.ThrowIfNull(tray);
        Change(p =>
        {
            _trays.RemoveAll(t => t.Index == tray.Index);
            _trays.Add(tray);
            p["ams"] = FakeBambuAms.Ams(_trays, TrayNow(p));
        });
    }

    private static int TrayNow(JsonObject print) =>
        int.Parse((string?)print["ams"]?["tray_now"] ?? "255", System.Globalization.CultureInfo.InvariantCulture);

    public string Serial => _options.Serial;

    public string AccessCode => _options.AccessCode;

    public int Port { get; private set; }

    public X509Certificate2 Certificate { get; private set; }

    public string CertificateSha256 => FakeBambuCertificate.Fingerprint(Certificate);

    public string StorageDirectory => _options.StorageDirectory;

    public bool DeveloperMode
    {
        get => _options.DeveloperMode;
        set
        {
            _options.DeveloperMode = value;
            if (_options.FullReports)
            {
                Change(p => p["fun"] = Fun());
            }
        }
    }

    /// <summary>The 3MF files the printer started, in order.</summary>
    public IReadOnlyList<string> PrintsStarted
    {
        get
        {
            lock (_gate)
            {
                return [.. _printsStarted];
            }
        }
    }

    public string GcodeState => Read(p => (string)p["gcode_state"]!);

    public string? SubtaskName => Read(p => (string?)p["subtask_name"]);

    public int PushAllsAnswered { get; private set; }

    public int PushAllsIgnored { get; private set; }

    /// <summary>Control commands refused for want of Developer Mode.</summary>
    public int RefusedCommands { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Port == 0)
        {
            Port = _options.Port != 0 ? _options.Port : FreePort();
        }

        _pump ??= Task.Run(PumpAsync, CancellationToken.None);
        _timer ??= _time.CreateTimer(_ => Tick(), null, _options.Tick, _options.Tick);
        var options = new MqttServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptedEndpointPort(Port)
            .WithEncryptionCertificate(Certificate)
            .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingSubscriptionAsync += args =>
        {
            var allowed = args.TopicFilter.Topic is "#" || args.TopicFilter.Topic == $"device/{Serial}/report";
            args.Response.ReasonCode = allowed ? args.Response.ReasonCode : MqttSubscribeReasonCode.NotAuthorized;
            args.ProcessSubscription = allowed;
            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += OnPublishAsync;
        await server.StartAsync();
        _server = server;
    }

    /// <summary>Every client is dropped; the printer itself goes on (a Wi-Fi blip).</summary>
    public async Task DropClientsAsync()
    {
        if (_server is { } server)
        {
            foreach (var client in await server.GetClientsAsync())
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.ServerShuttingDown });
            }
        }
    }

    /// <summary>A power cycle: the broker goes away, and the printer comes back IDLE with any print lost.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopServerAsync();
        lock (_gate)
        {
            _print = Idle();
            _print["fun"] = Fun();
            _elapsed = TimeSpan.Zero;
            _lastPushAll = null;
        }

        await StartAsync(cancellationToken);
    }

    /// <summary>The printer presents a new certificate (a reset, a replaced board, or someone else's device at its address).</summary>
    public async Task ReplaceCertificateAsync(CancellationToken cancellationToken = default)
    {
        await StopServerAsync();
        Certificate.Dispose();
        Certificate = FakeBambuCertificate.Create(Serial);
        await StartAsync(cancellationToken);
    }

    public void InjectHms(long attr, long code) => Change(p => ((JsonArray)p["hms"]!).Add(new JsonObject { ["attr"] = attr, ["code"] = code }));

    public void ClearHms() => Change(p => p["hms"] = new JsonArray());

    /// <summary>The running print fails with this error, as after a jam or a spaghetti stop.</summary>
    public void FailPrint(long printError) => Change(p =>
    {
        if ((string)p["gcode_state"]! is "RUNNING" or "PAUSE" or "PREPARE")
        {
            p["gcode_state"] = "FAILED";
            p["print_error"] = printError;
        }
    });

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        _outgoing.Writer.TryComplete();
        if (_pump is not null)
        {
            await _pump;
        }

        Certificate.Dispose();
    }

    private async Task StopServerAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync();
            server.Dispose();
        }
    }

    private Task ValidateAsync(ValidatingConnectionEventArgs args)
    {
        if (args.UserName != "bblp" || args.Password != _options.AccessCode)
        {
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }

        return Task.CompletedTask;
    }

    private Task OnPublishAsync(InterceptingPublishEventArgs args)
    {
        // The printer's own reports pass through here too (injected as coming from the printer).
        if (args.ApplicationMessage.Topic == $"device/{Serial}/report" && args.ClientId == Serial)
        {
            return Task.CompletedTask;
        }

        if (args.ApplicationMessage.Topic != $"device/{Serial}/request")
        {
            args.ProcessPublish = false;
            return Task.CompletedTask;
        }

        JsonObject? request;
        try
        {
            request = JsonNode.Parse(args.ApplicationMessage.ConvertPayloadToString()) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }

        if (request?["pushing"] is JsonObject pushing)
        {
            OnPushing(pushing);
        }

        if (request?["print"] is JsonObject print)
        {
            OnPrint(print);
        }

        return Task.CompletedTask;
    }

    private void OnPushing(JsonObject pushing)
    {
        if ((string?)pushing["command"] != "pushall")
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_lastPushAll is { } last && now - last < _options.PushAllMinimumInterval)
            {
                PushAllsIgnored++;
                return;
            }

            _lastPushAll = now;
            PushAllsAnswered++;
            Send(Report((JsonObject)_print.DeepClone()));
        }
    }

    private void OnPrint(JsonObject print)
    {
        var command = (string?)print["command"];
        if (command is not ("project_file" or "pause" or "resume" or "stop" or "gcode_line" or "gcode_file"))
        {
            return;
        }

        if (!_options.DeveloperMode)
        {
            Refuse(print);
            return;
        }

        switch (command)
        {
            case "project_file":
                StartProject(print);
                break;
            case "pause":
                Change(p => p["gcode_state"] = (string)p["gcode_state"]! == "RUNNING" ? "PAUSE" : p["gcode_state"]!.GetValue<string>());
                break;
            case "resume":
                Change(p => p["gcode_state"] = (string)p["gcode_state"]! == "PAUSE" ? "RUNNING" : p["gcode_state"]!.GetValue<string>());
                break;
            case "stop":
                Change(p =>
                {
                    if ((string)p["gcode_state"]! is "RUNNING" or "PAUSE" or "PREPARE")
                    {
                        p["gcode_state"] = "FAILED";
                        p["print_error"] = StoppedError;
                    }
                });
                break;
        }
    }

    private void Refuse(JsonObject print)
    {
        RefusedCommands++;
        switch (_options.Refusal)
        {
            case FakeBambuRefusal.Reply:
                Send(new JsonObject
                {
                    ["print"] = new JsonObject
                    {
                        ["command"] = print["command"]?.DeepClone(),
                        ["sequence_id"] = print["sequence_id"]?.DeepClone(),
                        ["result"] = "failed",
                        ["reason"] = "mqtt message verify failed",
                    },
                });
                break;
            case FakeBambuRefusal.Hms:
                InjectHms(0x05000500, 0x00010007);
                break;
        }
    }

    private void StartProject(JsonObject print)
    {
        var url = (string?)print["url"] ?? "";
        var file = url[(url.LastIndexOf('/') + 1)..];
        var plate = (string?)print["param"] ?? "";
        var error = CheckProject(file, plate);
        var useAms = print["use_ams"] is JsonValue flag && flag.TryGetValue<bool>(out var on) && on;
        var mapped = useAms && print["ams_mapping"] is JsonArray { Count: > 0 } mapping && mapping[0] is JsonValue first && first.TryGetValue<int>(out var index) ? index : (int?)null;
        // As the real printer: a mapping to a slot without filament is taken, and the print waits paused at its start.
        var emptyTray = useAms && (mapped is null || _trays.All(t => t.Index != mapped));
        lock (_gate)
        {
            LastProjectFile = (JsonObject)print.DeepClone();
        }

        Send(new JsonObject
        {
            ["print"] = new JsonObject
            {
                ["command"] = "project_file",
                ["sequence_id"] = print["sequence_id"]?.DeepClone(),
                ["param"] = plate,
                ["result"] = error is null ? "success" : "failed",
                ["reason"] = error ?? "",
            },
        });
        Change(p =>
        {
            if ((string)p["gcode_state"]! is "RUNNING" or "PAUSE" or "PREPARE")
            {
                return;
            }

            p["subtask_name"] = print["subtask_name"]?.DeepClone();
            p["gcode_file"] = file;
            p["task_id"] = print["task_id"]?.DeepClone();
            p["subtask_id"] = print["subtask_id"]?.DeepClone();
            p["project_id"] = print["project_id"]?.DeepClone();
            if (error is not null)
            {
                p["gcode_state"] = "FAILED";
                p["print_error"] = FileError;
                return;
            }

            if (emptyTray)
            {
                p["gcode_state"] = "PAUSE";
                p["print_error"] = AmsSlotEmptyError;
                p["mc_percent"] = 0;
                PausedForEmptyTray++;
                return;
            }

            p["ams"] = FakeBambuAms.Ams(_trays, mapped ?? FakeBambuAms.External);
            p["gcode_state"] = "PREPARE";
            p["print_error"] = 0;
            p["mc_percent"] = 0;
            p["mc_remaining_time"] = (int)Math.Ceiling(_options.PrintDuration.TotalMinutes);
            _elapsed = TimeSpan.Zero;
            lock (_gate)
            {
                _printsStarted.Add(file);
            }
        });
    }

    /// <summary>Why the file cannot be printed, or null: it must be in storage, a zip, and hold the named plate's G-code.</summary>
    private string? CheckProject(string file, string plate)
    {
        var path = Path.Combine(_options.StorageDirectory, file);
        if (file.Length == 0 || file.Contains("..", StringComparison.Ordinal) || !File.Exists(path))
        {
            return "file not found";
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry(plate) is { Length: > 0 } ? null : "plate not found in the 3MF";
        }
        catch (InvalidDataException)
        {
            return "the file is not a 3MF";
        }
    }

    private void Tick() => Change(p =>
    {
        // A real printer keeps pushing small changes (its Wi-Fi signal among them) about every second.
        p["wifi_signal"] = (string?)p["wifi_signal"] == "-45dBm" ? "-46dBm" : "-45dBm";
        switch ((string)p["gcode_state"]!)
        {
            case "PREPARE":
                p["gcode_state"] = "RUNNING";
                break;
            case "RUNNING":
                _elapsed += _options.Tick * _options.TimeScale;
                var done = Math.Min(1, _elapsed / _options.PrintDuration);
                p["mc_percent"] = (int)(done * 100);
                p["mc_remaining_time"] = (int)Math.Ceiling((_options.PrintDuration - _elapsed).TotalMinutes < 0 ? 0 : (_options.PrintDuration - _elapsed).TotalMinutes);
                p["nozzle_temper"] = 220.0;
                p["bed_temper"] = 60.0;
                if (done >= 1)
                {
                    p["gcode_state"] = "FINISH";
                    p["mc_percent"] = 100;
                    p["mc_remaining_time"] = 0;
                    p["nozzle_target_temper"] = 0.0;
                    p["bed_target_temper"] = 0.0;
                }

                break;
            default:
                if ((double)p["nozzle_temper"]! > 25)
                {
                    p["nozzle_temper"] = 25.0;
                    p["bed_temper"] = 25.0;
                }

                break;
        }

        if ((string)p["gcode_state"]! == "PREPARE" || (string)p["gcode_state"]! == "RUNNING")
        {
            p["nozzle_target_temper"] = 220.0;
            p["bed_target_temper"] = 60.0;
        }
    });

    /// <summary>Applies a change and reports it: the fields that changed (P1) or everything (X1).</summary>
    private void Change(Action<JsonObject> change)
    {
        lock (_gate)
        {
            var before = (JsonObject)_print.DeepClone();
            change(_print);
            var delta = new JsonObject();
            foreach (var (name, value) in _print)
            {
                if (!JsonNode.DeepEquals(before[name], value))
                {
                    delta[name] = value?.DeepClone();
                }
            }

            if (delta.Count > 0)
            {
                Send(Report(_options.FullReports ? (JsonObject)_print.DeepClone() : delta));
            }
        }
    }

    private T Read<T>(Func<JsonObject, T> read)
    {
        lock (_gate)
        {
            return read(_print);
        }
    }

    private JsonObject Report(JsonObject fields)
    {
        fields["command"] = "push_status";
        fields["sequence_id"] = "0";
        if (_options.FullReports)
        {
            fields["fun"] = Fun();
        }
        else
        {
            fields.Remove("fun");
        }

        return new JsonObject { ["print"] = fields };
    }

    private string Fun() => _options.DeveloperMode ? FunDeveloperMode : FunSignatureRequired;

    private void Send(JsonObject message)
    {
        lock (_gate)
        {
            _sent.Enqueue((JsonObject)message.DeepClone());
            if (_sent.Count > 500)
            {
                _sent.Dequeue();
            }
        }

        _outgoing.Writer.TryWrite(message);
    }

    private async Task PumpAsync()
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync())
        {
            if (_server is not { IsStarted: true } server)
            {
                continue;
            }

            var payload = new MqttApplicationMessageBuilder()
                .WithTopic($"device/{Serial}/report")
                .WithPayload(message.ToJsonString())
                .Build();
            try
            {
                await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(payload) { SenderClientId = Serial });
            }
            catch (Exception)
            {
                // A client dropping or the broker restarting under a report: that report is lost, as on the real
                // printer, and the next one goes out.
            }
        }
    }

    private JsonObject Idle() => new()
    {
        ["gcode_state"] = "IDLE",
        ["mc_percent"] = 0,
        ["mc_remaining_time"] = 0,
        ["mc_print_stage"] = "1",
        ["print_error"] = 0,
        ["nozzle_temper"] = 25.0,
        ["nozzle_target_temper"] = 0.0,
        ["bed_temper"] = 25.0,
        ["bed_target_temper"] = 0.0,
        ["chamber_temper"] = 25.0,
        ["subtask_name"] = "",
        ["gcode_file"] = "",
        ["task_id"] = "0",
        ["subtask_id"] = "0",
        ["project_id"] = "0",
        ["hms"] = new JsonArray(),
        ["wifi_signal"] = "-45dBm",
        ["sdcard"] = true,
        ["ams"] = FakeBambuAms.Ams(_trays, FakeBambuAms.NoneLoaded),
        ["vt_tray"] = FakeBambuAms.ExternalSpool(_options.ExternalMaterial, _options.ExternalColour),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
