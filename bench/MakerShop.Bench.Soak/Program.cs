using MakerShop.Bench.Soak;

var options = SoakOptions.Parse(args, out var error);
if (options is null)
{
    if (error is not null)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine(SoakOptions.Usage);
    return error is null ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var result = await SoakRun.RunAsync(options, line => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}"), cancel.Token);
    Console.WriteLine();
    Console.WriteLine(SoakReport.Format(result));
    if (options.JsonPath is not null)
    {
        await SoakReport.WriteJsonAsync(options.JsonPath, result, cancel.Token);
    }

    var clean = result.Lost == 0 && result.Duplicates == 0 && result.Outcome.StuckJobs == 0 && result.Outcome.CorruptStored == 0 && result.Drained;
    return clean ? 0 : 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
