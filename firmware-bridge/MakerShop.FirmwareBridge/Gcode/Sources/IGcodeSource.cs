namespace MakerShop.FirmwareBridge.Gcode.Sources;

/// <summary>Where a run's commands come from, one at a time, so a job never has to be held in memory whole.</summary>
internal interface IGcodeSource : IDisposable
{
    /// <summary>Bytes the whole program spans; progress is measured against it.</summary>
    long TotalBytes { get; }

    /// <summary>The most bytes of the file the source ever held at once (its look-ahead); for tests and diagnostics.</summary>
    int PeakBufferedBytes { get; }

    /// <summary>The next command, comments and blank lines already skipped; null at the end.</summary>
    ValueTask<ProgramLine?> ReadAsync(CancellationToken cancellationToken = default);
}
