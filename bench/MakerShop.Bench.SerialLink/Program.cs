using System.Globalization;
using MakerShop.Bench.SerialLink;
using MakerShop.FirmwareBridge.Gcode;

// The baud emulation paces on timers; a starved thread pool would make the wire look slower than it is.
ThreadPool.SetMinThreads(8, 8);
var options = LinkBenchOptions.Parse(args);
var (slice, commands) = await ProgramSlice.WriteAsync(options.GcodePath, options.Lines);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Streaming {commands} commands of {Path.GetFileName(options.GcodePath)}, {options.Runs} runs each, link latency {options.Latency.TotalMilliseconds} ms each way, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
try
{
    var modes = new (FlowControl Flow, bool AdvancedOk)[] { (FlowControl.PingPong, false), (FlowControl.Windowed, false), (FlowControl.Windowed, true) };
    Console.WriteLine("| baud | mode | lines/s (median) | wire bytes/s | sent bytes/s (median) | share of wire (median, min-max) | resends |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var baud in options.BaudRates)
    {
        foreach (var (flow, advancedOk) in modes)
        {
            var results = new List<LinkRun.Result>();
            for (var run = 0; run < options.Runs; run++)
            {
                results.Add(await LinkRun.RunAsync(slice, baud, options.Latency, flow, advancedOk));
            }

            var median = results.OrderBy(r => r.ShareOfWire).ElementAt(results.Count / 2);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {baud} | {median.Mode} | {median.LinesPerSecond:F0} | {median.WireBytesPerSecond:F0} | {median.Bytes / median.Elapsed.TotalSeconds:F0} | {median.ShareOfWire:P1} ({results.Min(r => r.ShareOfWire):P1}-{results.Max(r => r.ShareOfWire):P1}) | {results.Sum(r => r.Resends)} |"));
        }
    }
}
finally
{
    File.Delete(slice);
}
