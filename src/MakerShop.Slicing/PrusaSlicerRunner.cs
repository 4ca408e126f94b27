using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MakerShop.Geometry;
using MakerShop.Geometry.Gcode;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Slicing;

/// <summary>
/// Runs Debian's PrusaSlicer command line on a model: the model is first rewritten as a clean binary STL in a private
/// work folder, then <c>prusa-slicer --export-gcode --load printer.ini --load print.ini --load material.ini</c> runs
/// there with a timeout. A slice that hangs is killed with its process tree; the work folder is always removed, and
/// only a finished G-code file is handed back (moved to where the caller asked).
/// </summary>
public sealed partial class PrusaSlicerRunner(IOptions<SlicingOptions> options, ILogger<PrusaSlicerRunner> logger) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentSlices, options.Value.MaxConcurrentSlices);

    private DirectoryInfo CreateWorkFolder()
    {
        var root = options.Value.WorkDirectory;
        if (string.IsNullOrWhiteSpace(root))
        {
            return Directory.CreateTempSubdirectory("makershop-slice-");
        }

        var folder = new DirectoryInfo(Path.Combine(root, "makershop-slice-" + Guid.NewGuid().ToString("N")));
        folder.Create();
        return folder;
    }

    /// <param name="modelPath">The stored upload (STL or 3MF).</param>
    /// <param name="profile">Which profiles to load.</param>
    /// <param name="destination">Where the G-code goes when the slice succeeds; its folder must exist.</param>
    public async Task<SliceOutput> SliceAsync(string modelPath, SlicerProfile profile, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await _slots.WaitAsync(cancellationToken);
        var work = CreateWorkFolder();
        try
        {
            var input = Path.Combine(work.FullName, "model.stl");
            Normalise(modelPath, input);
            var output = Path.Combine(work.FullName, "model.gcode");
            var started = Stopwatch.GetTimestamp();
            await RunAsync(input, output, profile, work.FullName, cancellationToken);
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                throw new SlicingException("PrusaSlicer finished without writing G-code.");
            }

            var result = Describe(output);
            File.Move(output, destination, overwrite: true);
            logger.LogInformation("Sliced {Model} for {Material} in {Seconds:F1} s: {PrintTime}, {Grams:F1} g",
                Path.GetFileName(modelPath), profile.Material, Stopwatch.GetElapsedTime(started).TotalSeconds, result.PrintTime, result.FilamentGrams);
            return result with { GcodePath = destination };
        }
        finally
        {
            _slots.Release();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove the slice work folder {Folder}", work.FullName);
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    private static void Normalise(string modelPath, string stlPath)
    {
        using var source = new FileStream(modelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        using var writer = new BinaryStlWriter(stlPath);
        ModelReader.StreamTriangles(source, writer);
        writer.Complete();
    }

    private async Task RunAsync(string input, string output, SlicerProfile profile, string workDirectory, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var start = new ProcessStartInfo(settings.SlicerCommand)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--export-gcode");
        foreach (var file in profile.Files)
        {
            start.ArgumentList.Add("--load");
            start.ArgumentList.Add(file);
        }

        start.ArgumentList.Add("--output");
        start.ArgumentList.Add(output);
        start.ArgumentList.Add(input);

        // The CLI needs no display, but a GTK build still looks at these; keep it from trying to reach one.
        start.Environment.Remove("DISPLAY");
        start.Environment.Remove("WAYLAND_DISPLAY");
        start.Environment["HOME"] = workDirectory;

        using var process = new Process { StartInfo = start };
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new SlicingException($"The slicer '{settings.SlicerCommand}' could not be started ({ex.Message}); install Debian's prusa-slicer package.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new SlicingException($"The slice did not finish within {settings.TimeoutSeconds} s and was stopped.");
        }

        if (process.ExitCode != 0)
        {
            throw new SlicingException($"PrusaSlicer refused the model (exit code {process.ExitCode}): {LastMeaningfulLine(log)}");
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            // Keep the tail only: the slicer can be chatty and only its last words explain a failure.
            if (log.Length > 16_000)
            {
                log.Remove(0, 8_000);
            }

            log.AppendLine(line);
        }
    }

    private static string LastMeaningfulLine(StringBuilder log)
    {
        string text;
        lock (log)
        {
            text = log.ToString();
        }

        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => !l.Contains("[trace]", StringComparison.Ordinal) && !l.Contains("=>", StringComparison.Ordinal));
        return line ?? "no message";
    }

    private static SliceOutput Describe(string gcodePath)
    {
        var analysis = GcodeAnalyzer.Analyze(gcodePath);
        var slicer = analysis.Slicer;
        string sha;
        using (var stream = File.OpenRead(gcodePath))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        // The slicer's own figures are what the shop quotes; ours stand in only when it wrote none.
        return new SliceOutput(
            gcodePath,
            sha,
            new FileInfo(gcodePath).Length,
            analysis.PrintTime,
            slicer.FilamentGrams is > 0 ? slicer.FilamentGrams.Value : analysis.FilamentGrams,
            slicer.FilamentMm ?? analysis.FilamentMm,
            analysis.Layers,
            slicer.Slicer,
            analysis);
    }
}
