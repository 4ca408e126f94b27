namespace MakerShop.Bench.Hosting;

/// <summary>How <see cref="HostProcess"/> starts the host; every unset value keeps the default (free ports, a throw-away folder).</summary>
public sealed record HostLaunch
{
    /// <summary>The data folder; a harness that restarts the host passes the same one each time.</summary>
    public string? DataDirectory { get; init; }

    public int? HttpPort { get; init; }

    public int? MqttPort { get; init; }

    /// <summary>Leave the data folder on dispose (the harness reads the database after the host has stopped).</summary>
    public bool KeepDataDirectory { get; init; }

    /// <summary>How long the host may take to answer GET /health; a loaded machine needs more than the default 60 s.</summary>
    public TimeSpan? StartupTimeout { get; init; }

    /// <summary>Settings added or overridden through the environment (e.g. <c>MakerShop__Telemetry__SampleSeconds</c>).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
