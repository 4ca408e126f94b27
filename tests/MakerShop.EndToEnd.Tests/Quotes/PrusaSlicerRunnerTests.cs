using System.Diagnostics;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Slicing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>The slicer runner against the real PrusaSlicer, and against stand-in commands that hang or fail.</summary>
public sealed class PrusaSlicerRunnerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("makershop-runner-test-");

    [Fact]
    public async Task The_real_prusaslicer_slices_a_corpus_3mf_and_its_estimates_are_read_from_the_gcode()
    {
        var options = Options(new SlicingOptions());
        using var runner = new PrusaSlicerRunner(options, NullLogger<PrusaSlicerRunner>.Instance);
        var profiles = new SlicerProfiles(options);
        var profile = profiles.For("PLA", profiles.PrinterModel("marlin-250x210x210"));
        var destination = Path.Combine(_folder.FullName, "box.gcode");

        var output = await runner.SliceAsync(Path.Combine(Corpus.Directory, "3mfsamples_box.3mf"), profile, destination);

        Assert.True(File.Exists(destination));
        Assert.NotNull(output.Analysis.Slicer.PrintTime);
        Assert.Equal(output.Analysis.Slicer.PrintTime, output.PrintTime);
        Assert.True(output.FilamentGrams > 0);
        // 30 mm tall at 0.2 mm layers.
        Assert.InRange(output.Layers, 149, 151);
        // Our own estimate of PrusaSlicer's fresh output stays within 10 % of PrusaSlicer's.
        var ratio = output.Analysis.EstimatedPrintTime / output.PrintTime;
        Assert.InRange(ratio, 0.9, 1.1);
        Assert.Equal(30, output.Analysis.ExtrusionBounds.Max.Z, 1);
    }

    [Fact]
    public async Task A_slice_that_hangs_is_killed_at_the_timeout_and_its_work_folder_removed()
    {
        var pidFile = Path.Combine(_folder.FullName, "pid");
        var hang = Script("hang.sh", $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 600\n");
        var work = _folder.CreateSubdirectory("work");
        using var runner = new PrusaSlicerRunner(Options(new SlicingOptions { SlicerCommand = hang, TimeoutSeconds = 5, WorkDirectory = work.FullName }), NullLogger<PrusaSlicerRunner>.Instance);

        var error = await Assert.ThrowsAsync<SlicingException>(() => runner.SliceAsync(Model(), Profile(), Path.Combine(_folder.FullName, "out.gcode")));

        Assert.Contains("did not finish within 5 s", error.Message, StringComparison.Ordinal);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsRunning(pid), "the hung slicer process is still running");
        // Its own work root: another slice running at the same time elsewhere cannot make this fail.
        Assert.Empty(work.GetDirectories());
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "out.gcode")));
    }

    [Fact]
    public async Task A_slicer_that_refuses_the_model_reports_its_last_words()
    {
        var fail = Script("fail.sh", "#!/bin/sh\necho 'Objects could not fit on the bed' >&2\nexit 3\n");
        using var runner = new PrusaSlicerRunner(Options(new SlicingOptions { SlicerCommand = fail }), NullLogger<PrusaSlicerRunner>.Instance);

        var error = await Assert.ThrowsAsync<SlicingException>(() => runner.SliceAsync(Model(), Profile(), Path.Combine(_folder.FullName, "out.gcode")));

        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Objects could not fit on the bed", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static IOptions<SlicingOptions> Options(SlicingOptions options)
    {
        options.Materials["PLA"] = "pla.ini";
        options.ProfilesDirectory = Path.Combine(RepoPaths.ConfigDir, "slicing");
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    private static SlicerProfile Profile()
    {
        var profiles = new SlicerProfiles(Options(new SlicingOptions()));
        return profiles.For("PLA", profiles.PrinterModel("marlin-250x210x210"));
    }

    private string Model()
    {
        var path = Path.Combine(_folder.FullName, "cube.stl");
        File.WriteAllBytes(path, QuoteUploads.CubeStl(10));
        return path;
    }

    private string Script(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        // The shop runs on Debian; these stand-in slicers are shell scripts.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
