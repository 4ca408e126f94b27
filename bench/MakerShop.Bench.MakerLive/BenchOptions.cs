using System.Globalization;

namespace MakerShop.Bench.MakerLive;

/// <summary>Command-line settings of the harness.</summary>
internal sealed record BenchOptions(int Printers, int Viewers, int Seconds, int Warmup, bool Peer, string? Json)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Printers: 2000, Viewers: 50, Seconds: 60, Warmup: 15, Peer: true, Json: null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count() => int.Parse(Next(), CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{args[i - 1]} must be positive.");
            options = args[i] switch
            {
                "--printers" => options with { Printers = Count() },
                "--viewers" => options with { Viewers = Count() },
                "--seconds" => options with { Seconds = Count() },
                "--warmup" => options with { Warmup = Count() },
                "--no-peer" => options with { Peer = false },
                "--json" => options with { Json = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --printers, --viewers, --seconds, --warmup, --no-peer, --json <file>."),
            };
        }

        return options;
    }
}
