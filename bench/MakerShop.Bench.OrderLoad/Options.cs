using System.Globalization;

namespace MakerShop.Bench.OrderLoad;

/// <summary>Command-line options. Everything is bounded and loopback only.</summary>
internal sealed record Options
{
    public Uri? Url { get; init; }
    public int Orders { get; init; } = 2000;
    public int Concurrency { get; init; } = 16;
    public int Warmup { get; init; } = 100;
    public string? JsonPath { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/MakerShop.Bench.OrderLoad -- [options]

          --url <url>              shop to load (loopback only); default: start src/MakerShop.Web itself
          --orders <n>             measured orders to place (default 2000, max 1000000)
          --concurrency <n>        concurrent workers (default 16, max 1024)
          --warmup <n>             unmeasured orders placed first (default 100)
          --json <file>            also write the results as JSON
          --request-timeout <s>    per-request timeout in seconds (default 30)
          --max-seconds <s>        stop the whole run after this long (default 600)
        """;

    /// <summary>Parses the arguments; returns null (with a message in <paramref name="error"/>) when they are invalid.</summary>
    public static Options? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new Options();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = string.Empty;
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"Missing value for {name}.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--url":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                    {
                        error = $"--url must be an absolute http(s) URL, got '{value}'.";
                        return null;
                    }

                    if (!url.IsLoopback)
                    {
                        error = $"--url must point at a loopback address (127.0.0.1, localhost, ::1), got '{url.Host}'.";
                        return null;
                    }

                    options = options with { Url = url };
                    break;
                case "--orders":
                    if (!TryInt(value, 1, 1_000_000, out var orders, name, ref error)) return null;
                    options = options with { Orders = orders };
                    break;
                case "--concurrency":
                    if (!TryInt(value, 1, 1024, out var concurrency, name, ref error)) return null;
                    options = options with { Concurrency = concurrency };
                    break;
                case "--warmup":
                    if (!TryInt(value, 0, 100_000, out var warmup, name, ref error)) return null;
                    options = options with { Warmup = warmup };
                    break;
                case "--json":
                    options = options with { JsonPath = value };
                    break;
                case "--request-timeout":
                    if (!TryInt(value, 1, 600, out var requestTimeout, name, ref error)) return null;
                    options = options with { RequestTimeout = TimeSpan.FromSeconds(requestTimeout) };
                    break;
                case "--max-seconds":
                    if (!TryInt(value, 1, 24 * 3600, out var maxSeconds, name, ref error)) return null;
                    options = options with { MaxDuration = TimeSpan.FromSeconds(maxSeconds) };
                    break;
                default:
                    error = $"Unknown option '{name}'.";
                    return null;
            }
        }

        return options;
    }

    private static bool TryInt(string value, int min, int max, out int result, string name, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) && result >= min && result <= max)
        {
            return true;
        }

        error = $"{name} must be an integer between {min} and {max}, got '{value}'.";
        return false;
    }
}
