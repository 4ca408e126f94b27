using System.Diagnostics;
using System.Security.Cryptography;

namespace MakerShop.Bench.Fuzz;

/// <summary>
/// The loop: pick a corpus entry, mutate it, run the target on a worker with a time budget, keep inputs that reach new
/// edges, save every crash (an exception that is not the documented refusal) and every hang once per distinct place.
/// </summary>
internal sealed class FuzzEngine(IFuzzTarget target, FuzzSettings settings, TextWriter output)
{
    private readonly Dictionary<string, string> _crashes = new(StringComparer.Ordinal);

    public FuzzResult Run()
    {
        var random = new Random(settings.Seed);
        var corpus = target.Seeds(settings.CorpusDirectory).Where(s => s.Length <= settings.MaxInputBytes).ToList();
        if (corpus.Count == 0)
        {
            throw new InvalidOperationException($"No seeds for {target.Name} in {settings.CorpusDirectory}.");
        }

        var findings = Path.Combine(settings.OutputDirectory, target.Name);
        Directory.CreateDirectory(findings);
        using var coverage = new CoverageMap();
        foreach (var seed in corpus)
        {
            Execute(seed, coverage, findings);
        }

        var seeds = corpus.Count;
        long executions = 0, refusals = 0, hangs = 0;
        var watch = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(30);
        while (watch.Elapsed < settings.Duration && hangs < settings.MaxHangs)
        {
            var parent = corpus[random.Next(corpus.Count)];
            var input = (random.Next(2) == 0 ? target.MutateStructure(parent, random) : null)
                ?? ByteMutator.Mutate(parent, corpus[random.Next(corpus.Count)], random, settings.MaxInputBytes);
            var (outcome, fresh) = Execute(input, coverage, findings);
            executions++;
            refusals += outcome == Outcome.Refused ? 1 : 0;
            hangs += outcome == Outcome.Hang ? 1 : 0;
            if (fresh > 0 && outcome != Outcome.Hang)
            {
                corpus.Add(input);
            }

            if (watch.Elapsed > nextReport)
            {
                output.WriteLine($"  {target.Name}: {executions:N0} runs, {executions / watch.Elapsed.TotalSeconds:N0}/s, corpus {corpus.Count}, edges {coverage.Edges}, crashes {_crashes.Keys.Count(k => !k.StartsWith("hang:", StringComparison.Ordinal))}, hangs {hangs}");
                nextReport += TimeSpan.FromSeconds(30);
            }
        }

        return new FuzzResult(target.Name, executions, watch.Elapsed, refusals, _crashes.Keys.Count(k => !k.StartsWith("hang:", StringComparison.Ordinal)), hangs, seeds, corpus.Count, coverage.Edges, [.. _crashes.Values]);
    }

    private (Outcome Outcome, int Fresh) Execute(byte[] input, CoverageMap coverage, string findings)
    {
        coverage.Reset();
        Exception? failure = null;
        var worker = Task.Run(() =>
        {
            try
            {
                target.Run(input);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        if (!worker.Wait(settings.BudgetFor(input.Length)))
        {
            // The worker cannot be stopped in-process; the input is kept and the run goes on (bounded by MaxHangs).
            Save(findings, "hang", input, $"No answer within {settings.BudgetFor(input.Length).TotalMilliseconds:N0} ms for {input.Length} bytes.", "hang:" + input.Length / 1024);
            return (Outcome.Hang, 0);
        }

        var fresh = coverage.TakeNew();
        if (failure is null)
        {
            return (Outcome.Accepted, fresh);
        }

        if (target.IsRefusal(failure))
        {
            return (Outcome.Refused, fresh);
        }

        Save(findings, "crash", input, failure.ToString(), Place(failure));
        return (Outcome.Crashed, fresh);
    }

    private void Save(string folder, string kind, byte[] input, string description, string place)
    {
        if (_crashes.ContainsKey(place))
        {
            return;
        }

        var name = $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
        File.WriteAllBytes(Path.Combine(folder, name + ".bin"), input);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), description);
        _crashes[place] = $"{name}: {description.Split('\n')[0]}";
        output.WriteLine($"  {target.Name}: new {kind} {name}: {description.Split('\n')[0]}");
    }

    /// <summary>A crash's place: its type and the first frame of our own code, so one bug counts once.</summary>
    private static string Place(Exception exception)
    {
        var frame = new StackTrace(exception, false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("MakerShop.", StringComparison.Ordinal) == true);
        return $"{exception.GetType().FullName} at {frame?.DeclaringType?.FullName}.{frame?.Name}";
    }

    private enum Outcome
    {
        Accepted,
        Refused,
        Crashed,
        Hang,
    }
}
