using System.Globalization;
using MakerShop.Bench.Fuzz;

// dotnet run -c Release --project bench/MakerShop.Bench.Fuzz -- [--target stl|3mf|gcode|firmware|all] [--minutes 3] [--seed 1]
//   [--corpus ../shared/corpus] [--out bench/MakerShop.Bench.Fuzz/findings]
// Exit code 1 when any crash or hang was found (the saved inputs are under --out/<target>/).
var options = Args(args);
var minutes = double.Parse(options.GetValueOrDefault("minutes", "3"), CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
var root = RepoRoot();
var corpus = options.GetValueOrDefault("corpus", Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus")));
var output = options.GetValueOrDefault("out", Path.Combine(root, "bench", "MakerShop.Bench.Fuzz", "findings"));
IFuzzTarget[] all =
[
    new ModelTarget("stl", [".stl"], 64 * 1024),
    new ModelTarget("3mf", [".3mf"], int.MaxValue),
    new GcodeTarget(),
    new FirmwareReplyTarget(),
];
var wanted = options.GetValueOrDefault("target", "all");
var targets = wanted == "all" ? all : all.Where(t => t.Name == wanted).ToArray();
if (targets.Length == 0)
{
    Console.Error.WriteLine($"Unknown target '{wanted}'; use stl, 3mf, gcode, firmware or all.");
    return 2;
}

var instrumented = typeof(MakerShop.Geometry.ModelReader).Assembly.GetReferencedAssemblies().Any(a => a.Name == "SharpFuzz.Common");
Console.WriteLine($"Fuzzing {string.Join(", ", targets.Select(t => t.Name))} for {minutes} min each, seed {seed}, corpus {corpus}; coverage: {(instrumented ? "SharpFuzz edges" : "none (assemblies not instrumented)")}");
var results = new List<FuzzResult>();
foreach (var target in targets)
{
    var settings = new FuzzSettings(corpus, output, TimeSpan.FromMinutes(minutes), seed);
    results.Add(new FuzzEngine(target, settings, Console.Out).Run());
}

Console.WriteLine();
Console.WriteLine("| target | executions | exec/s | refused | crashes | hangs | seeds → corpus | edges |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Target} | {r.Executions:N0} | {r.PerSecond:N0} | {r.Refusals:N0} | {r.Crashes} | {r.Hangs} | {r.Seeds} → {r.Corpus} | {r.Edges} |"));
    foreach (var finding in r.Findings)
    {
        Console.WriteLine($"  {r.Target}: {finding}");
    }
}

return results.Any(r => r.Crashes > 0 || r.Hangs > 0) ? 1 : 0;

static Dictionary<string, string> Args(string[] args)
{
    var map = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        map[args[i].TrimStart('-')] = args[i + 1];
    }

    return map;
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MakerShop.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
